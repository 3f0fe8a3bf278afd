/** The rating bands of the scale, each with its score range, so the rater sees what a number means. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import type { BandRange } from '../assessment-model.ts';

export function BandList({ ranges }: { readonly ranges: readonly BandRange[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul
      aria-label={t('assessments.bands.label')}
      data-testid="rating-bands"
      style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 6 }}
    >
      {ranges.map((range) => (
        <li key={range.band.code} data-testid="rating-band">
          <Tag>
            <strong>{localize(range.band.label, language)}</strong>{' '}
            {t(range.top ? 'assessments.bands.rangeTop' : 'assessments.bands.range', {
              from: range.from,
              to: range.to,
            })}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
