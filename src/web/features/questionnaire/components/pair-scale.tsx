/**
 * One comparison as a two-sided scale: the first item's side (max … 2), equal, the second item's side (2 … max).
 * Each side is its own group that wraps below the other on a phone, so every button stays a finger wide at
 * 375 px. The chosen position's meaning is written under the scale; a suggestion (the judgment would agree with
 * the rest at `suggested`) is shown with a one-tap accept.
 */
import { Button, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatJudgment,
  isSameJudgment,
  type Judgment,
  judgmentOf,
  meaningKey,
  type SurveyScale,
  scalePositions,
} from '../../../lib/judgment-scale.ts';

export interface PairSuggestion {
  /** The value that would agree with the node's priorities (w_i / w_j). */
  readonly suggested: number;
  /** The nearest value on the scale, which the one-tap accept takes, and the node's CR after it. */
  readonly onScale: number;
  readonly crAfterOnScale: number;
}

export interface PairScaleProps {
  readonly first: string;
  readonly second: string;
  readonly scale: SurveyScale;
  readonly value: number | null;
  readonly suggestion: PairSuggestion | null;
  readonly testId: string;
  readonly disabled?: boolean;
  readonly onChange: (value: number) => void;
  readonly formatCr: (cr: number) => string;
}

export function PairScale({
  first,
  second,
  scale,
  value,
  suggestion,
  testId,
  disabled = false,
  onChange,
  formatCr,
}: PairScaleProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const chosen = value === null ? null : judgmentOf(value, scale);
  const positions = scalePositions(scale);
  const side = (which: Judgment['side']) => positions.filter((p) => p.side === which);
  const button = (position: Judgment) => {
    const selected = chosen !== null && isSameJudgment(chosen, position);
    const favoured = position.side === 'second' ? second : first;
    const meaning = t(meaningKey(scale, position.intensity));
    return (
      <Button
        key={`${position.side}-${position.intensity}`}
        type={selected ? 'primary' : 'default'}
        aria-pressed={selected}
        disabled={disabled}
        aria-label={position.side === 'equal' ? meaning : `${favoured}: ${meaning}`}
        title={meaning}
        data-testid={`${testId}-${position.side}-${position.intensity}`}
        style={{ flex: '1 1 0', minWidth: 34, height: 40, paddingInline: 0 }}
        onClick={() => onChange(position.side === 'second' ? 1 / position.intensity : position.intensity)}
      >
        {position.side === 'equal' ? t('judgmentScale.equal') : position.intensity}
      </Button>
    );
  };
  const suggestedJudgment = suggestion === null ? null : judgmentOf(suggestion.onScale, scale);
  const group = (children: ReactNode, label: string) => (
    <fieldset
      style={{ display: 'flex', gap: 4, flex: '1 1 300px', minWidth: 0, border: 0, margin: 0, padding: 0 }}
    >
      <legend className="visually-hidden">{label}</legend>
      {children}
    </fieldset>
  );
  return (
    <div
      data-testid={testId}
      data-value={value ?? ''}
      data-suggested={suggestion === null ? undefined : 'true'}
      style={{
        padding: 12,
        borderRadius: token.borderRadiusLG,
        border: `1px solid ${suggestion === null ? token.colorBorderSecondary : token.colorWarning}`,
        background: suggestion === null ? undefined : token.colorWarningBg,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, fontWeight: 600 }}>
        <span style={{ overflowWrap: 'anywhere' }}>{first}</span>
        <span style={{ overflowWrap: 'anywhere', textAlign: 'right' }}>{second}</span>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 8 }}>
        {group(side('first').map(button), t('questionnaire.favours', { item: first }))}
        <div style={{ display: 'flex', flex: '1 1 60px', minWidth: 0 }}>
          {button({ side: 'equal', intensity: 1 })}
        </div>
        {group(side('second').map(button), t('questionnaire.favours', { item: second }))}
      </div>
      <p style={{ margin: '8px 0 0', color: token.colorTextSecondary }} data-testid={`${testId}-meaning`}>
        {chosen === null
          ? t('questionnaire.notAnswered')
          : chosen.side === 'equal'
            ? t(meaningKey(scale, 1))
            : t('questionnaire.meaning', {
                item: chosen.side === 'first' ? first : second,
                other: chosen.side === 'first' ? second : first,
                meaning: t(meaningKey(scale, chosen.intensity)),
              })}
      </p>
      {suggestion === null || suggestedJudgment === null ? null : (
        <div
          style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginTop: 8 }}
          data-testid={`${testId}-suggestion`}
        >
          <span>
            {t('questionnaire.suggestion', {
              value: formatJudgment(suggestion.suggested),
              cr: formatCr(suggestion.crAfterOnScale),
            })}
          </span>
          <Button
            size="small"
            type="primary"
            data-testid={`${testId}-accept`}
            disabled={disabled}
            onClick={() => onChange(suggestion.onScale)}
          >
            {t('questionnaire.accept', {
              value:
                suggestedJudgment.side === 'equal'
                  ? t('judgmentScale.equal')
                  : `${suggestedJudgment.side === 'first' ? first : second} ${suggestedJudgment.intensity}`,
            })}
          </Button>
        </div>
      )}
    </div>
  );
}
