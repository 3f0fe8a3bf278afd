/**
 * A formula field that checks as you type (model/formula-diagnostics.ts, the same parser the server runs):
 * each problem with its position, the character it points at underlined, and the data elements that fit the
 * word being typed offered as buttons that insert them; a searchable list inserts any element.
 */
import { Button, Input, Select, Space, Typography, theme } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataElement } from '../../../../core/contracts/data-elements.ts';
import { localize } from '../../../lib/i18n/languages.ts';
import { useLanguage } from '../../../lib/i18n/use-language.ts';
import {
  diagnoseFormula,
  type FormulaDiagnostic,
  insertReference,
  suggestElements,
  wordBefore,
} from '../model/formula-diagnostics.ts';

export interface FormulaInputProps {
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Codes a formula may read: the file's data elements and the installation's. */
  readonly known: readonly string[];
  readonly catalog: readonly DataElement[];
  readonly testId: string;
}

export function FormulaInput({ id, value, onChange, known, catalog, testId }: FormulaInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { token } = theme.useToken();
  const [cursor, setCursor] = useState(value.length);
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const check = useMemo(() => diagnoseFormula(value, known), [value, known]);
  const word = wordBefore(value, cursor).word;
  const suggestions = word === '' ? [] : suggestElements(word, known, 8).filter((code) => code !== word);
  const names = useMemo(
    () => new Map(catalog.map((e) => [e.code, localize(e.name, language)])),
    [catalog, language],
  );

  const insert = (code: string) => {
    const next = insertReference(value, cursor, code);
    onChange(next.text);
    setCursor(next.cursor);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const describe = (d: FormulaDiagnostic): string => {
    switch (d.kind) {
      case 'empty':
        return t('designer.formula.empty');
      case 'unknown-element':
        return t('designer.formula.unknown', { position: d.position, code: d.code ?? '' });
      default:
        return t('designer.formula.syntax', { position: d.position, message: d.message });
    }
  };

  return (
    <div>
      <Input.TextArea
        id={id}
        ref={(element) => {
          ref.current = element?.resizableTextArea?.textArea ?? null;
        }}
        data-testid={testId}
        value={value}
        autoSize={{ minRows: 1, maxRows: 4 }}
        spellCheck={false}
        status={check.ok ? undefined : 'error'}
        aria-invalid={!check.ok}
        aria-describedby={`${id}-diagnostics`}
        style={{ fontFamily: token.fontFamilyCode }}
        onChange={(event) => {
          onChange(event.target.value);
          setCursor(event.target.selectionStart ?? event.target.value.length);
        }}
        onSelect={(event) => setCursor(event.currentTarget.selectionStart ?? value.length)}
      />
      <div id={`${id}-diagnostics`} aria-live="polite" data-testid={`${testId}-diagnostics`}>
        {check.ok ? (
          <Typography.Text type="success" data-testid={`${testId}-ok`}>
            {t('designer.formula.ok', { codes: check.references.join(', ') })}
          </Typography.Text>
        ) : (
          check.diagnostics.map((d) => (
            <div
              key={`${d.kind}-${d.position}-${d.message}`}
              data-testid="formula-error"
              data-position={d.position}
            >
              <Typography.Text type="danger">{describe(d)}</Typography.Text>
              {d.kind === 'empty' ? null : (
                <pre
                  aria-hidden="true"
                  style={{
                    margin: 0,
                    fontFamily: token.fontFamilyCode,
                    fontSize: 12,
                    whiteSpace: 'pre-wrap',
                  }}
                >
                  {value.slice(0, d.position)}
                  <mark
                    style={{ background: token.colorErrorBg, borderBottom: `2px solid ${token.colorError}` }}
                  >
                    {value.slice(d.position, d.position + 1) || ' '}
                  </mark>
                  {value.slice(d.position + 1)}
                </pre>
              )}
            </div>
          ))
        )}
      </div>
      {suggestions.length === 0 ? null : (
        <Space wrap size={4} aria-label={t('designer.formula.suggestions')} style={{ marginTop: 4 }}>
          {suggestions.map((code) => (
            <Button key={code} size="small" data-testid="formula-suggestion" onClick={() => insert(code)}>
              {code}
            </Button>
          ))}
        </Space>
      )}
      <Select
        showSearch
        size="small"
        value={null}
        placeholder={t('designer.formula.insert')}
        aria-label={t('designer.formula.insert')}
        style={{ width: '100%', marginTop: 4 }}
        options={known.map((code) => ({
          value: code,
          label: names.has(code) ? `${code} — ${names.get(code)}` : code,
        }))}
        optionFilterProp="label"
        onChange={(code: string | null) => {
          if (code !== null) insert(code);
        }}
      />
    </div>
  );
}
