/** A rating (seed 002 Table 4.10's bands, or a scorecard's own) as a tag in its band's colour. */
import { Tag } from 'antd';
import { type Language, localize } from '../lib/i18n/languages.ts';
import { ratingColor } from '../lib/status.ts';

export interface RatingTagProps {
  readonly ratingCode: string | null;
  readonly ratingLabel: { readonly en: string; readonly zh?: string | undefined } | null;
  readonly total: number | null;
  readonly language: Language;
  readonly large?: boolean;
}

export function RatingTag({ ratingCode, ratingLabel, total, language, large = false }: RatingTagProps) {
  if (ratingLabel === null) return null;
  return (
    <Tag
      color={ratingColor(ratingCode, total)}
      data-testid="rating"
      style={large ? { fontSize: 16, padding: '4px 10px', lineHeight: '22px' } : undefined}
    >
      {localize(ratingLabel, language)}
    </Tag>
  );
}
