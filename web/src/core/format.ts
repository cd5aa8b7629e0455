import type { Lang, Name } from './api/types.ts';

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

/** Whole rupiah, always in the Indonesian format ("Rp 1.250.000"). */
export function formatRupiah(amount: number): string {
  return rupiah.format(amount).replace(/\u00a0/g, ' ');
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

/** Pick the name in the current language (Indonesian when the other is missing). */
export function pick(name: Name | null | undefined, lang: Lang): string {
  if (!name) return '';
  return (lang === 'en' ? name.en : name.id) || name.id;
}
