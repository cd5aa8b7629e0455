/**
 * Numbers as officers type them: "12,5" (Indonesian decimal comma), "1.250.000" (dots as
 * thousands separators), "1,250,000.5" or "12.5" (English). Empty means "no value" (null);
 * anything else that is not a number is `undefined`.
 */
export function parseNumber(input: string): number | null | undefined {
  const s = input.trim().replace(/[\s\u00a0]/g, '');
  if (!s) return null;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replaceAll('.', '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replaceAll(',', '');
  else if (/^-?\d+(,\d+)?$/.test(s)) normal = s.replace(',', '.');
  else if (/^-?\d*\.\d+$|^-?\d+$/.test(s)) normal = s;
  else return undefined;
  const n = Number(normal);
  return Number.isFinite(n) && Math.abs(n) <= 1e15 ? n : undefined;
}

/** A value for an input in the reader's language, without thousands separators (easy to edit). */
export function formatInput(n: number | null | undefined, lang: 'id' | 'en'): string {
  if (n === null || n === undefined) return '';
  const s = String(n);
  return lang === 'id' ? s.replace('.', ',') : s;
}

/** A value for reading (thousands separated). */
export function formatValue(n: number | null | undefined, lang: 'id' | 'en'): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 4 }).format(n);
}
