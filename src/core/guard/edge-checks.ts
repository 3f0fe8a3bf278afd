/**
 * What the API edge refuses whatever the route (issue 11, part 3): control characters in text, and numbers no
 * indicator can hold. Per-element ranges and outliers are the data-quality gate's (src/core/quality); these
 * bounds only keep values that would overflow a sum or poison a stored column out of the database.
 */

/**
 * The largest magnitude a value may have: 1e15, the largest power of ten below 2^53 (9.007e15), so that every
 * whole number up to it is exact in a double and a sum of thousands of them stays finite and exact enough.
 */
export const MAX_PLAUSIBLE_MAGNITUDE = 1e15;

/**
 * Whether a number is finite and at most 1e15 in magnitude.
 *
 * @example isPlausibleNumber(1520) // true
 * @example isPlausibleNumber(1e308) // false
 */
export function isPlausibleNumber(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_PLAUSIBLE_MAGNITUDE;
}

/**
 * The first C0 control character or DEL of `text` as `U+0000`, or null. `allowLineBreaks` lets tab, line feed
 * and carriage return through (a quoted CSV comment may span lines). Unicode's C0 set (U+0000–U+001F) and
 * U+007F are the characters no code, name or number holds; NUL is also refused by PostgreSQL in text.
 *
 * @example controlCharacterIn('a\u0000b') // 'U+0000'
 * @example controlCharacterIn('line\nbreak', { allowLineBreaks: true }) // null
 */
export function controlCharacterIn(
  text: string,
  options: { readonly allowLineBreaks?: boolean } = {},
): string | null {
  const lineBreaks = options.allowLineBreaks === true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 0x1f && c !== 0x7f) continue;
    if (lineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return null;
}
