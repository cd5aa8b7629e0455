/**
 * The report's three charts as SVG strings, from pure functions (data in, markup out):
 * radar of the six dimensions, horizontal component bars, year-over-year line of the index.
 * The same SVG goes into the PDF as vectors (svg-to-pdfkit) and into the DOCX as PNG (resvg).
 *
 * Legible in greyscale print: each series differs not only by colour (Okabe–Ito palette, safe
 * for colour-blind readers) but by luminance, line pattern and marker shape. Labels are
 * Indonesian. Values are clamped to 0..scaleMax; a missing value (null) is drawn at zero
 * without a marker, and a series with no value at all is left out (with its legend entry).
 */
import { formatScore, formatWeight } from './format.ts';
import { FONT_FAMILY } from './fonts.ts';
import type { EvaluationReportData } from './types.ts';

export type SeriesKey = 'self' | 'validated' | 'previous';

interface SeriesStyle { color: string; dash: string | null; width: number; marker: 'circle' | 'square' | 'triangle'; fillOpacity: number }

/** Orange is light and blue dark in greyscale; previous year is dark grey and dotted. */
export const SERIES_STYLE: Record<SeriesKey, SeriesStyle> = {
  self: { color: '#E69F00', dash: '7 4', width: 2.5, marker: 'circle', fillOpacity: 0.12 },
  validated: { color: '#0072B2', dash: null, width: 3, marker: 'square', fillOpacity: 0.16 },
  previous: { color: '#555555', dash: '2 4', width: 2, marker: 'triangle', fillOpacity: 0 },
};

const TEXT = '#1A1A1A';
const MUTED = '#595959';
const GRID = '#C8C8C8';

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => (Math.round(x * 10) / 10).toString();

/** A usable value in 0..max, or null when missing or not a number. */
export function clampValue(v: number | null | undefined, max: number): number | null {
  if (v == null || !Number.isFinite(v)) return null;
  return Math.min(Math.max(v, 0), max);
}

function svgOpen(width: number, height: number, title: string, desc: string) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="t d" font-family="${FONT_FAMILY}" font-size="13" fill="${TEXT}">` +
    `<title id="t">${esc(title)}</title><desc id="d">${esc(desc)}</desc>` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#FFFFFF"/>`
  );
}

function marker(kind: SeriesStyle['marker'], x: number, y: number, color: string, size = 4.5) {
  if (kind === 'circle') return `<circle cx="${n(x)}" cy="${n(y)}" r="${size}" fill="${color}" stroke="#FFFFFF" stroke-width="1"/>`;
  if (kind === 'square')
    return `<rect x="${n(x - size)}" y="${n(y - size)}" width="${2 * size}" height="${2 * size}" fill="${color}" stroke="#FFFFFF" stroke-width="1"/>`;
  const h = size * 1.2;
  return `<polygon points="${n(x)},${n(y - h)} ${n(x + h)},${n(y + h * 0.8)} ${n(x - h)},${n(y + h * 0.8)}" fill="${color}" stroke="#FFFFFF" stroke-width="1"/>`;
}

function strokeAttrs(s: SeriesStyle) {
  return `stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} stroke-linejoin="round"`;
}

/** One legend row, centred at (cx, y): line sample + marker + label per series. */
function legend(items: { key: SeriesKey; label: string }[], cx: number, y: number, kind: 'line' | 'swatch' = 'line') {
  const itemWidth = (label: string) => 44 + label.length * 7.2 + 18;
  const total = items.reduce((a, i) => a + itemWidth(i.label), 0);
  let x = cx - total / 2;
  let out = `<g class="legend">`;
  for (const item of items) {
    const s = SERIES_STYLE[item.key];
    if (kind === 'swatch') out += `<rect x="${n(x + 6)}" y="${n(y - 7)}" width="28" height="14" fill="${s.color}" stroke="#1A1A1A" stroke-width="0.6"/>`;
    else out += `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + 34)}" y2="${n(y)}" ${strokeAttrs(s)}/>` + marker(s.marker, x + 17, y, s.color);
    out += `<text x="${n(x + 42)}" y="${n(y + 4.5)}">${esc(item.label)}</text>`;
    x += itemWidth(item.label);
  }
  return out + `</g>`;
}

export interface RadarInput {
  axes: { key: string; name: string }[];
  series: { key: SeriesKey; label: string; values: (number | null)[] }[];
  scaleMax: number;
  title: string;
}

/** Radar (spider) chart: one axis per dimension, rings at each scale step, one polygon per series. */
export function radarChart({ axes, series, scaleMax, title }: RadarInput): string {
  const W = 660, H = 500, cx = W / 2, cy = 236, R = 175;
  const count = axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / count;
  const point = (i: number, v: number) => [cx + (R * v * Math.cos(angle(i))) / scaleMax, cy + (R * v * Math.sin(angle(i))) / scaleMax] as const;
  const drawn = series.filter((s) => s.values.some((v) => clampValue(v, scaleMax) != null));
  const partial = drawn.some((s) => s.values.some((v) => clampValue(v, scaleMax) == null));

  let out = svgOpen(W, H, title, `Grafik radar ${count} dimensi, skala 0–${formatScore(scaleMax)}: ${drawn.map((s) => s.label).join(', ')}.`);
  if (count < 3) {
    // A radar needs three axes; the report leaves it out then, but never draws garbage.
    return out + `<text x="${cx}" y="${cy}" text-anchor="middle" fill="${MUTED}">Indeks per dimensi tidak tersedia</text></svg>`;
  }
  const steps = Math.max(1, Math.round(scaleMax));
  out += `<g class="grid">`;
  for (let k = 1; k <= steps; k++) {
    const v = (scaleMax * k) / steps;
    const pts = axes.map((_, i) => point(i, v).map(n).join(',')).join(' ');
    out += `<polygon class="ring" points="${pts}" fill="none" stroke="${GRID}" stroke-width="1"/>`;
    out += `<text x="${n(cx + 4)}" y="${n(cy - (R * v) / scaleMax - 3)}" font-size="10" fill="${MUTED}">${esc(formatScore(v).replace(/,00$/, ''))}</text>`;
  }
  axes.forEach((axis, i) => {
    const [x, y] = point(i, scaleMax);
    out += `<line class="axis" x1="${n(cx)}" y1="${n(cy)}" x2="${n(x)}" y2="${n(y)}" stroke="${GRID}" stroke-width="1"/>`;
    const c = Math.cos(angle(i)), s = Math.sin(angle(i));
    const lx = cx + (R + 16) * c, ly = cy + (R + 16) * s + (s > 0.3 ? 12 : s < -0.3 ? -4 : 4.5);
    const anchor = c > 0.3 ? 'start' : c < -0.3 ? 'end' : 'middle';
    out += `<text class="axis-label" x="${n(lx)}" y="${n(ly)}" text-anchor="${anchor}" font-weight="bold">${esc(axis.name)}</text>`;
  });
  out += `</g>`;

  for (const s of drawn) {
    const style = SERIES_STYLE[s.key];
    const values = axes.map((_, i) => clampValue(s.values[i], scaleMax));
    const pts = values.map((v, i) => point(i, v ?? 0));
    out += `<g class="series series-${s.key}">`;
    out += `<polygon points="${pts.map((p) => p.map(n).join(',')).join(' ')}" fill="${style.color}" fill-opacity="${style.fillOpacity}" ${strokeAttrs(style)}/>`;
    values.forEach((v, i) => { if (v != null) out += marker(style.marker, pts[i]![0], pts[i]![1], style.color); });
    out += `</g>`;
  }
  out += legend(drawn.map((s) => ({ key: s.key, label: s.label })), cx, H - (partial ? 40 : 22));
  if (partial) out += `<text x="${cx}" y="${H - 12}" text-anchor="middle" font-size="11" fill="${MUTED}">Nilai yang tidak ada digambar di titik pusat, tanpa penanda.</text>`;
  return out + `</svg>`;
}

export interface BarsInput {
  rows: { key: string; name: string; weight: number; self: number | null; validated: number | null }[];
  scaleMax: number;
  title: string;
}

/** Horizontal bars, two per component (self-assessment above, validated below); the weight is in the label. */
export function componentBars({ rows, scaleMax, title }: BarsInput): string {
  const W = 620, left = 200, right = 560, top = 46, barH = 15, gap = 3, groupH = 2 * barH + gap + 20;
  const H = top + rows.length * groupH + 34;
  const x = (v: number) => left + ((right - left) * v) / scaleMax;
  let out = svgOpen(W, H, title, `Grafik batang skor ${rows.length} komponen, penilaian mandiri dan hasil validasi, skala 0–${formatScore(scaleMax)}.`);
  out += legend([{ key: 'self', label: 'Penilaian mandiri' }, { key: 'validated', label: 'Hasil validasi' }], W / 2, 18, 'swatch');
  const steps = Math.max(1, Math.round(scaleMax));
  const bottom = top + rows.length * groupH;
  for (let k = 0; k <= steps; k++) {
    const v = (scaleMax * k) / steps;
    out += `<line x1="${n(x(v))}" y1="${top - 6}" x2="${n(x(v))}" y2="${bottom}" stroke="${k === 0 ? MUTED : GRID}" stroke-width="1"/>`;
    out += `<text x="${n(x(v))}" y="${bottom + 16}" text-anchor="middle" font-size="11" fill="${MUTED}">${esc(formatScore(v).replace(/,00$/, ''))}</text>`;
  }
  out += `<text x="${n((left + right) / 2)}" y="${bottom + 31}" text-anchor="middle" font-size="11" fill="${MUTED}">Skor (0–${esc(formatScore(scaleMax).replace(/,00$/, ''))})</text>`;
  rows.forEach((row, i) => {
    const y0 = top + i * groupH;
    out += `<g class="component" data-key="${esc(row.key)}">`;
    out += `<text x="${left - 10}" y="${n(y0 + barH - 2)}" text-anchor="end" font-weight="bold">${esc(row.name)}</text>`;
    out += `<text x="${left - 10}" y="${n(y0 + 2 * barH + gap - 2)}" text-anchor="end" font-size="11" fill="${MUTED}">bobot ${esc(formatWeight(row.weight))}</text>`;
    (['self', 'validated'] as const).forEach((key, j) => {
      const style = SERIES_STYLE[key];
      const v = clampValue(row[key], scaleMax);
      const y = y0 + j * (barH + gap);
      if (v != null) {
        out += `<rect class="bar bar-${key}" x="${left}" y="${n(y)}" width="${n(x(v) - left)}" height="${barH}" fill="${style.color}" stroke="#1A1A1A" stroke-width="0.6"/>`;
      }
      const label = v == null ? 'tanpa nilai' : formatScore(v);
      out += `<text x="${n((v == null ? left : x(v)) + 5)}" y="${n(y + barH - 3)}" font-size="11">${esc(label)}</text>`;
    });
    out += `</g>`;
  });
  return out + `</svg>`;
}

export interface LineInput {
  points: { year: number; index: number; instrumentId: string }[];
  scaleMax: number;
  title: string;
}

/** Final index per year; a year whose instrument differs from the year before is starred and explained. */
export function historyLine({ points, scaleMax, title }: LineInput): string {
  const W = 620, H = 320, left = 56, right = 590, top = 24, bottom = 250;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  let out = svgOpen(W, H, title, `Grafik garis indeks akhir per tahun: ${sorted.map((p) => `${p.year} ${formatScore(p.index)}`).join('; ') || 'belum ada data'}.`);
  const y = (v: number) => bottom - ((bottom - top) * v) / scaleMax;
  const steps = Math.max(1, Math.round(scaleMax));
  for (let k = 0; k <= steps; k++) {
    const v = (scaleMax * k) / steps;
    out += `<line x1="${left}" y1="${n(y(v))}" x2="${right}" y2="${n(y(v))}" stroke="${k === 0 ? MUTED : GRID}" stroke-width="1"/>`;
    out += `<text x="${left - 8}" y="${n(y(v) + 4)}" text-anchor="end" font-size="11" fill="${MUTED}">${esc(formatScore(v).replace(/,00$/, ''))}</text>`;
  }
  out += `<text x="14" y="${n((top + bottom) / 2)}" text-anchor="middle" font-size="11" fill="${MUTED}" transform="rotate(-90 14 ${n((top + bottom) / 2)})">Indeks</text>`;
  if (sorted.length === 0) {
    out += `<text x="${(left + right) / 2}" y="${(top + bottom) / 2}" text-anchor="middle" fill="${MUTED}">Belum ada riwayat indeks</text>`;
    return out + `</svg>`;
  }
  const slot = (right - left) / sorted.length;
  const x = (i: number) => left + slot * (i + 0.5);
  const style = SERIES_STYLE.validated;
  const changed = sorted.map((p, i) => i > 0 && p.instrumentId !== sorted[i - 1]!.instrumentId);
  const pts = sorted.map((p, i) => [x(i), y(clampValue(p.index, scaleMax) ?? 0)] as const);
  if (pts.length > 1) out += `<polyline class="series series-validated" points="${pts.map((p) => p.map(n).join(',')).join(' ')}" fill="none" ${strokeAttrs(style)}/>`;
  sorted.forEach((p, i) => {
    const [px, py] = pts[i]!;
    const last = i === sorted.length - 1;
    out += marker(style.marker, px, py, style.color, last ? 6 : 4.5);
    out += `<text x="${n(px)}" y="${n(py - 12)}" text-anchor="middle" font-weight="${last ? 'bold' : 'normal'}">${esc(formatScore(p.index))}</text>`;
    out += `<text x="${n(px)}" y="${bottom + 20}" text-anchor="middle">${p.year}${changed[i] ? '*' : ''}</text>`;
  });
  if (changed.some(Boolean)) {
    out += `<text x="${left}" y="${H - 22}" font-size="11" fill="${MUTED}">* Instrumen berbeda dari tahun sebelumnya: bandingkan dengan hati-hati.</text>`;
  }
  return out + `</svg>`;
}

export const SERIES_LABEL: Record<SeriesKey, string> = {
  self: 'Penilaian mandiri',
  validated: 'Hasil validasi',
  previous: 'Tahun sebelumnya',
};

/** The latest history entry before the report's year (history may or may not include this year). */
export function previousEntry(data: Pick<EvaluationReportData, 'history' | 'year'>) {
  return data.history.filter((h) => h.year < data.year).sort((a, b) => b.year - a.year)[0] ?? null;
}

export interface ReportCharts { radar: string; components: string; history: string }

/** The three charts of a report, with Indonesian titles (shared by the PDF and DOCX renderers). */
export function reportCharts(data: EvaluationReportData): ReportCharts {
  const max = data.instrument.scaleMax;
  const previousYear = previousEntry(data)?.year ?? data.year - 1;
  return {
    radar: radarChart({
      title: `Indeks per dimensi ${data.region.name} ${data.year}`,
      scaleMax: max,
      axes: data.dimensions.map((d) => ({ key: d.key, name: d.name })),
      series: [
        { key: 'previous', label: `Validasi ${previousYear}`, values: data.dimensions.map((d) => d.previous) },
        { key: 'self', label: SERIES_LABEL.self, values: data.dimensions.map((d) => d.self) },
        { key: 'validated', label: SERIES_LABEL.validated, values: data.dimensions.map((d) => d.validated) },
      ],
    }),
    components: componentBars({ title: `Skor komponen ${data.region.name} ${data.year}`, scaleMax: max, rows: data.components }),
    history: historyLine({ title: `Indeks akhir ${data.region.name} per tahun`, scaleMax: max, points: data.history }),
  };
}
