/**
 * What the report says, in Bahasa Indonesia, as a format-neutral list of blocks. The PDF and
 * DOCX renderers draw the same blocks, so both formats always carry the same content.
 */
import { previousEntry, reportCharts } from './charts.ts';
import { difference, formatDate, formatDelta, formatScore, formatWeight, MISSING } from './format.ts';
import type { EvaluationReportData } from './types.ts';

export const NO_EVIDENCE = 'tanpa data dukung';

export interface Column { title: string; /** Fraction of the text width. */ width: number; align?: 'left' | 'right' | 'center' }
export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; columns: Column[]; rows: string[][]; caption: string }
  | { kind: 'chart'; svg: string; caption: string; /** Width as a fraction of the text width. */ width: number };

export interface CoverLine { label: string; value: string }
export interface ReportContent {
  title: string;
  subtitle: string;
  region: string;
  province: string;
  /** The big figure on the cover: "3,36", and what it is. */
  headline: { label: string; value: string };
  cover: CoverLine[];
  /** Markings shown on the cover and every page: ILUSTRATIF, DRAF. */
  marks: string[];
  draft: boolean;
  footer: string;
  generated: string;
  /** For page footers: "dibuat 25 November 2026". */
  generatedShort: string;
  blocks: Block[];
  keywords: string[];
}

export const ILLUSTRATIVE_MARK = 'ILUSTRATIF';
export const ILLUSTRATIVE_NOTE = 'ILUSTRATIF: angka dan uraian dalam laporan ini adalah data contoh, bukan hasil evaluasi resmi.';
export const DRAFT_MARK = 'DRAF';
export const DRAFT_NOTE = 'DRAF: hasil evaluasi belum final dan dapat berubah.';

const score = formatScore;

export function buildReportContent(data: EvaluationReportData): ReportContent {
  const charts = reportCharts(data);
  const finalIndex = data.index.validated ?? data.index.self;
  const finalLabel = data.index.validated != null ? 'Indeks akhir (hasil validasi)' : 'Indeks penilaian mandiri (belum divalidasi)';
  const componentName = new Map(data.components.map((c) => [c.key, c.name]));
  const dimensionName = new Map(data.dimensions.map((d) => [d.key, d.name]));
  const previous = previousEntry(data);
  const withoutEvidence = data.indicators.filter((i) => i.evidence.length === 0).length;
  const rank = data.index.rank ? `${data.index.rank.rank} dari ${data.index.rank.of} daerah` : MISSING;
  const instrument = `${data.instrument.name}${data.instrument.ownWording ? ' (rumusan indikator oleh Pilar)' : ''}`;

  const cover: CoverLine[] = [
    { label: 'Tahun evaluasi', value: String(data.year) },
    { label: 'Instrumen', value: instrument },
  ];
  if (data.index.predicate) cover.push({ label: 'Predikat', value: data.index.predicate });
  if (data.index.rank) cover.push({ label: 'Peringkat nasional', value: rank });
  cover.push({ label: 'Status', value: data.status === 'final' ? 'Final' : 'Draf (belum final)' });

  const marks = [...(data.illustrative ? [ILLUSTRATIVE_MARK] : []), ...(data.status === 'draft' ? [DRAFT_MARK] : [])];
  const blocks: Block[] = [];
  const h1 = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const h2 = (text: string) => blocks.push({ kind: 'heading', level: 2, text });
  const p = (text: string, note = false) => blocks.push({ kind: 'paragraph', text, note });

  let tableNo = 0;
  h1('1. Ringkasan');
  if (data.illustrative) p(ILLUSTRATIVE_NOTE, true);
  if (data.status === 'draft') p(DRAFT_NOTE, true);
  blocks.push({
    kind: 'table',
    caption: `Tabel ${++tableNo}. Ringkasan hasil evaluasi`,
    columns: [{ title: 'Uraian', width: 0.55 }, { title: 'Nilai', width: 0.45 }],
    rows: [
      ['Indeks akhir (hasil validasi)', score(data.index.validated)],
      ['Indeks penilaian mandiri', score(data.index.self)],
      ['Selisih validasi − penilaian mandiri', formatDelta(difference(data.index.validated, data.index.self))],
      [`Indeks tahun sebelumnya${previous ? ` (${previous.year})` : ''}`, score(data.index.previous)],
      ['Perubahan dari tahun sebelumnya', formatDelta(difference(finalIndex, data.index.previous))],
      ['Predikat', data.index.predicate ?? MISSING],
      ['Peringkat nasional', rank],
      ['Instrumen', instrument],
      ['Jumlah indikator', String(data.indicators.length)],
      ['Indikator tanpa data dukung', String(withoutEvidence)],
    ],
  });
  if (previous && previous.instrumentId !== data.instrument.id) {
    p(`Indeks ${previous.year} dihitung dengan instrumen lain (${previous.instrumentId}); perbandingan antartahun perlu dibaca dengan hati-hati.`, true);
  }
  p('Skor memakai skala 0–' + score(data.instrument.scaleMax) + ' dan ditulis dengan dua angka desimal (koma sebagai pemisah desimal).', true);

  h1('2. Grafik');
  let figure = 0;
  const hasDimensions = data.dimensions.length >= 3;
  if (hasDimensions) blocks.push({ kind: 'chart', svg: charts.radar, width: 0.82, caption: `Gambar ${++figure}. Indeks per dimensi: penilaian mandiri, hasil validasi dan tahun sebelumnya (skala 0–${score(data.instrument.scaleMax)})` });
  blocks.push({ kind: 'chart', svg: charts.components, width: 0.86, caption: `Gambar ${++figure}. Skor komponen: penilaian mandiri dan hasil validasi, dengan bobot` });
  blocks.push({ kind: 'chart', svg: charts.history, width: 0.86, caption: `Gambar ${++figure}. Indeks akhir dari tahun ke tahun` });

  h1('3. Indeks per dimensi');
  if (!hasDimensions) p('Instrumen ini tidak menghitung indeks per dimensi.');
  else blocks.push({
    kind: 'table',
    caption: `Tabel ${++tableNo}. Indeks per dimensi`,
    columns: [
      { title: 'Dimensi', width: 0.3 },
      { title: 'Mandiri', width: 0.14, align: 'right' },
      { title: 'Validasi', width: 0.14, align: 'right' },
      { title: 'Selisih', width: 0.14, align: 'right' },
      { title: 'Tahun lalu', width: 0.14, align: 'right' },
      { title: 'Perubahan', width: 0.14, align: 'right' },
    ],
    rows: data.dimensions.map((d) => [
      d.name, score(d.self), score(d.validated), formatDelta(difference(d.validated, d.self)), score(d.previous),
      formatDelta(difference(d.validated ?? d.self, d.previous)),
    ]),
  });

  h1('4. Komponen');
  blocks.push({
    kind: 'table',
    caption: `Tabel ${++tableNo}. Skor komponen dan bobotnya`,
    columns: [
      { title: 'Komponen', width: 0.3 },
      { title: 'Bobot', width: 0.12, align: 'right' },
      { title: 'Mandiri', width: 0.14, align: 'right' },
      { title: 'Validasi', width: 0.14, align: 'right' },
      { title: 'Selisih', width: 0.14, align: 'right' },
      { title: 'Kontribusi', width: 0.16, align: 'right' },
    ],
    rows: data.components.map((c) => [
      c.name, formatWeight(c.weight), score(c.self), score(c.validated), formatDelta(difference(c.validated, c.self)),
      score(c.validated == null ? null : c.weight * c.validated),
    ]),
  });
  p('Kontribusi = bobot × skor hasil validasi; jumlah kontribusi semua komponen adalah indeks akhir.', true);

  h1('5. Indikator');
  p(`Setiap indikator dengan level penilaian mandiri, level hasil validasi, alasan asesor bila berbeda, dan data dukung. Indikator tanpa bukti ditandai "${NO_EVIDENCE}".`);
  blocks.push({
    kind: 'table',
    caption: `Tabel ${++tableNo}. Penilaian per indikator`,
    columns: [
      { title: 'No.', width: 0.06, align: 'right' },
      { title: 'Indikator', width: 0.3 },
      { title: 'Mandiri', width: 0.11, align: 'center' },
      { title: 'Validasi', width: 0.11, align: 'center' },
      { title: 'Alasan asesor', width: 0.21 },
      { title: 'Data dukung', width: 0.21 },
    ],
    // Keys (e.g. "output.masterplan") are long and technical: a running number leads, the key
    // goes on the muted second line with component and dimension for cross-reference.
    rows: data.indicators.map((i, n) => [
      String(n + 1),
      `${i.name}\n${[i.key, componentName.get(i.component) ?? i.component, i.dimension ? dimensionName.get(i.dimension) ?? i.dimension : null].filter(Boolean).join(' · ')}`,
      i.self == null ? MISSING : String(i.self),
      i.validated == null ? MISSING : String(i.validated),
      i.reason ?? (i.self != null && i.validated != null && i.self !== i.validated ? MISSING : ''),
      i.evidence.length ? i.evidence.join('; ') : NO_EVIDENCE,
    ]),
  });

  h1('6. Kekuatan, kelemahan dan rekomendasi');
  const list = (title: string, items: string[]) => {
    h2(title);
    if (items.length) blocks.push({ kind: 'bullets', items });
    else p('Belum diisi.', true);
  };
  list('Kekuatan', data.narrative.strengths);
  list('Kelemahan', data.narrative.weaknesses);
  list('Rekomendasi', data.narrative.recommendations);

  const generated = formatDate(data.generatedAt);
  return {
    title: 'Laporan Hasil Evaluasi',
    subtitle: data.instrument.name,
    region: data.region.name,
    province: data.region.province,
    headline: { label: finalLabel, value: score(finalIndex) },
    cover,
    marks,
    draft: data.status === 'draft',
    footer: `${data.region.name} · Evaluasi ${data.year}${marks.length ? ` · ${marks.join(' · ')}` : ''}`,
    generated: `Dibuat dengan Pilar pada ${generated}`,
    generatedShort: `dibuat ${generated}`,
    blocks,
    keywords: ['evaluasi', 'smart city', data.region.name, String(data.year), data.instrument.id],
  };
}

/** Document title used in metadata and file names. */
export function reportTitle(data: EvaluationReportData): string {
  return `Laporan Hasil Evaluasi ${data.year} — ${data.region.name}`;
}
