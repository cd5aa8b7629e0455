/**
 * Indonesian number and date formatting for the evaluation report. Decision: scores use the
 * Indonesian decimal comma and always two decimals ("3,46"), as Kominfo reports the index;
 * a missing value is an en dash. Rounding is half up on the decimal the score stands for
 * (3.455 → "3,46"), not on its binary float (3.45499…), matching the scoring engine.
 */
const two = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2, roundingMode: 'halfExpand' } as Intl.NumberFormatOptions);
const upToOne = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const signedTwo = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero', roundingMode: 'halfExpand' } as Intl.NumberFormatOptions);

export const MISSING = '–';

/** A float as the exact decimal it stands for (12 significant digits cut off binary noise). */
const decimal = (x: number) => Number(x.toPrecision(12)).toString() as unknown as number;

/** "3,46"; null/NaN → "–". */
export function formatScore(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return MISSING;
  return two.format(decimal(x));
}

/** A change between two scores with its sign: "+0,34", "−0,12", "0,00". */
export function formatDelta(x: number | null | undefined): string {
  if (x == null || !Number.isFinite(x)) return MISSING;
  return signedTwo.format(decimal(x)).replace('-', '−');
}

/** Fraction → "20%", 0.165 → "16,5%". */
export function formatWeight(fraction: number): string {
  return `${upToOne.format(decimal(fraction * 100))}%`;
}

/** ISO date-time → "25 November 2026", the date in WITA (Asia/Makassar), the time zone of our first regions. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Makassar' }).format(d);
}

/** Difference a − b when both exist. */
export function difference(a: number | null, b: number | null): number | null {
  return a == null || b == null ? null : Number((a - b).toPrecision(12));
}
