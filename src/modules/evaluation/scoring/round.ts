/**
 * Decimal rounding without float artifacts. A weighted sum such as 0.1·3 + 0.2·… can come out
 * as 3.4549999999999996 where the exact decimal is 3.455; rounding that float would give 3.45.
 * We first cut the float noise off (12 significant digits, far beyond any score's precision)
 * and then round the decimal in base 10 via the exponent notation, which is exact.
 */

/** The decimal a float stands for, with binary noise removed (12 significant digits). */
export function cleanDecimal(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return Number(x.toPrecision(12));
}

/**
 * Rounds half up on the exact decimal: 3.455 → 3.46, 3.454 → 3.45, 2.5 (0 decimals) → 3.
 * Negative values round half up as well (towards +∞): −0.125 → −0.12.
 */
export function roundHalfUp(x: number, decimals = 2): number {
  const clean = cleanDecimal(x);
  const shifted = Math.round(Number(`${clean}e${decimals}`));
  const r = Number(`${shifted}e-${decimals}`);
  return Object.is(r, -0) ? 0 : r;
}

/** Hundredths as an integer (after rounding half up): exact arithmetic on two-decimal values. */
export function toHundredths(x: number): number {
  return Math.round(Number(`${roundHalfUp(x, 2)}e2`));
}
