/**
 * "Save to library" (issue 17 §3): the indicator being designed becomes an own library entry, shared across the
 * installation, through the library's own form filled in from the indicator (model/library-entry-form.ts
 * `formValuesOfIndicator`); what the indicator cannot say (its Chinese definition, numerator and denominator
 * names) the form asks for. Offered only to those who design.
 */
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorFile, PerspectiveFile } from '../../../../core/scorecard/scorecard-schema.ts';
import type { LibraryEntryItem } from '../../../lib/api/indicator-library.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import { formValuesOfIndicator, type KnownElement } from '../model/library-entry-form.ts';
import { useCanDesign } from '../use-can-design.ts';
import { LibraryEntryForm } from './library-entry-form.tsx';

export function SaveToLibrary({
  indicator,
  perspective,
  known,
}: {
  readonly indicator: IndicatorFile;
  readonly perspective: PerspectiveFile;
  readonly known: readonly KnownElement[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canDesign = useCanDesign();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<LibraryEntryItem | null>(null);
  if (!canDesign) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <Button data-testid="save-to-library" onClick={() => setOpen(true)}>
        {t('indicatorLibrary.saveToLibrary')}
      </Button>
      {saved === null ? null : (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSaved(null) }}
          data-testid="save-to-library-saved"
          data-entry-id={saved.id}
          title={t('indicatorLibrary.saved', { name: localize(saved.name, language), id: saved.id })}
        />
      )}
      {open ? (
        <LibraryEntryForm
          entry={null}
          initial={formValuesOfIndicator(indicator, perspective)}
          title={t('indicatorLibrary.form.fromIndicatorTitle', { id: indicator.id })}
          known={known}
          onClose={() => setOpen(false)}
          onSaved={(item) => {
            setOpen(false);
            setSaved(item);
          }}
        />
      ) : null}
    </Space>
  );
}
