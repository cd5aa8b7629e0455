import type { Lang, Name } from './api/types.ts';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

/** Whole rupiah, always in the Indonesian format ("Rp 1.250.000"). */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount).replace(/\u00a0/g, ' ');
}

/** Short rupiah for tight spaces: "Rp 71,8 M" (miliar) / "Rp 71.8 bn". */
export function formatRupiahShort(amount: number, lang: Lang): string {
  const units: [number, Name][] = [
    [1e12, { id: 'T', en: 'tn' }],
    [1e9, { id: 'M', en: 'bn' }],
    [1e6, { id: 'jt', en: 'm' }],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(amount) >= size) {
      const n = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(amount / size);
      return `Rp ${n} ${unit[lang]}`;
    }
  }
  return formatRupiah(amount);
}

export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(n);
}

export function formatPercent(n: number, lang: Lang): string {
  return `${formatNumber(n, lang, 1)}%`;
}

export function formatPeriod(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium' }).format(d);
}

/** Pick the name in the current language (Indonesian when the other is missing). */
export function pick(name: Name | null | undefined, lang: Lang): string {
  if (!name) return '';
  return (lang === 'en' ? name.en : name.id) || name.id;
}
