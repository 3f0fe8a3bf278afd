/**
 * Major and minor units of a currency (ISO 4217 minor digits, as the runtime's Intl data gives them: CNY 2,
 * JPY 0), so that allocation works in integer minor units and the API speaks in major ones.
 */

/**
 * The currency's minor digits (2 when the runtime does not know it).
 *
 * @example minorDigits('CNY') // 2
 * @example minorDigits('JPY') // 0
 */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * A major amount in integer minor units, rounded to the nearest.
 *
 * @example toMinor(1234.56, 2) // 123456
 */
export function toMinor(amount: number, digits: number): number {
  return Math.round(amount * 10 ** digits);
}

/**
 * Integer minor units as a major amount.
 *
 * @example toMajor(123457, 2) // 1234.57
 */
export function toMajor(minor: number, digits: number): number {
  return Number((minor / 10 ** digits).toFixed(digits));
}
