import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { clampValue, componentBars, historyLine, radarChart, reportCharts, type RadarInput } from './charts.ts';
import { formatDate, formatDelta, formatScore, formatWeight } from './format.ts';
import { kukar2023Report } from './fixture.ts';
import { svgToPng } from './raster.ts';

const axes = ['governance', 'branding', 'economy', 'living', 'society', 'environment'].map((key) => ({ key, name: `Smart ${key}` }));
const radar = (series: RadarInput['series'], scaleMax = 5) => radarChart({ axes, series, scaleMax, title: 'Uji' });

/** Vertices of the polygon of one series. */
function seriesPoints(svg: string, key: string): [number, number][] | null {
  const m = new RegExp(`<g class="series series-${key}"><polygon points="([^"]+)"`).exec(svg);
  return m ? m[1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]) : null;
}
const CENTER: [number, number] = [330, 236];
const R = 175;
const dist = ([x, y]: [number, number]) => Math.hypot(x - CENTER[0], y - CENTER[1]);

/** Share of pixels that are not (near) white. */
async function inkShare(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) ink++;
  return ink / (info.width * info.height);
}

describe('number formatting (Indonesian)', () => {
  it('uses the decimal comma and two decimals, rounding the decimal half up', () => {
    expect(formatScore(3.46)).toBe('3,46');
    expect(formatScore(3.455)).toBe('3,46');
    expect(formatScore(3)).toBe('3,00');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(Number.NaN)).toBe('–');
    expect(formatDelta(0.3)).toBe('+0,30');
    expect(formatDelta(-0.125)).toBe('−0,13');
    expect(formatDelta(0)).toBe('0,00');
    expect(formatWeight(0.2)).toBe('20%');
    expect(formatWeight(0.165)).toBe('16,5%');
    expect(formatDate('2026-11-25T03:00:00Z')).toBe('25 November 2026');
  });
});

describe('radar chart', () => {
  it('has one axis per dimension and one polygon per series, each with a vertex per axis', () => {
    const svg = radar([
      { key: 'self', label: 'Penilaian mandiri', values: [4, 3, 3, 2, 4, 3] },
      { key: 'validated', label: 'Hasil validasi', values: [3, 3, 2, 2, 4, 3] },
      { key: 'previous', label: 'Validasi 2022', values: [2, 2, 2, 2, 2, 2] },
    ]);
    expect(svg.match(/class="axis"/g)).toHaveLength(6);
    expect(svg.match(/class="axis-label"/g)).toHaveLength(6);
    expect(svg.match(/class="ring"/g)).toHaveLength(5); // rings at 1..5
    for (const key of ['self', 'validated', 'previous']) expect(seriesPoints(svg, key)).toHaveLength(6);
    expect(svg).toContain('Smart governance');
    expect(svg).toContain('Penilaian mandiri');
    expect(svg).toContain('Hasil validasi');
    expect(svg).toContain('<title id="t">Uji</title>');
    // Value 2 of 5 lies at 2/5 of the radius on every axis.
    for (const p of seriesPoints(svg, 'previous')!) expect(dist(p)).toBeCloseTo((2 / 5) * R, 0);
  });

  it('clamps values to 0..scaleMax', () => {
    const svg = radar([{ key: 'validated', label: 'Hasil validasi', values: [9, -2, 5, 0, 2.5, 5.01] }]);
    const d = seriesPoints(svg, 'validated')!.map(dist);
    expect(d[0]).toBeCloseTo(R, 0);
    expect(d[1]).toBeCloseTo(0, 0);
    expect(d[2]).toBeCloseTo(R, 0);
    expect(d[4]).toBeCloseTo(R / 2, 0);
    expect(d[5]).toBeCloseTo(R, 0);
    expect(clampValue(7, 5)).toBe(5);
    expect(clampValue(-1, 5)).toBe(0);
    expect(clampValue(null, 5)).toBeNull();
    expect(clampValue(Number.NaN, 5)).toBeNull();
  });

  it('draws a missing value at the centre without a marker, and leaves out a series with no value', () => {
    const svg = radar([
      { key: 'self', label: 'Penilaian mandiri', values: [4, null, 3, 3, 3, 3] },
      { key: 'validated', label: 'Hasil validasi', values: [null, null, null, null, null, null] },
    ]);
    const pts = seriesPoints(svg, 'self')!;
    expect(pts).toHaveLength(6);
    expect(dist(pts[1]!)).toBeCloseTo(0, 0);
    const group = /<g class="series series-self">(.*?)<\/g>/.exec(svg)![1]!;
    expect(group.match(/<circle/g)).toHaveLength(5);
    expect(seriesPoints(svg, 'validated')).toBeNull();
    expect(svg).not.toContain('Hasil validasi'); // no legend entry either
    expect(svg).toContain('Nilai yang tidak ada digambar di titik pusat');
  });

  it('works on other scales (SPBE 1–5 drawn on 0..5, or a 0..4 scale)', () => {
    const svg = radar([{ key: 'validated', label: 'Hasil validasi', values: [4, 4, 4, 4, 4, 4] }], 4);
    expect(svg.match(/class="ring"/g)).toHaveLength(4);
    for (const p of seriesPoints(svg, 'validated')!) expect(dist(p)).toBeCloseTo(R, 0);
  });

  it('escapes names for XML', () => {
    const svg = radarChart({ axes: [{ key: 'a', name: 'A & <B>' }, ...axes.slice(1)], series: [], scaleMax: 5, title: 'x' });
    expect(svg).toContain('A &amp; &lt;B&gt;');
  });
});

describe('component bars', () => {
  const rows = [
    { key: 'baseline', name: 'Baseline', weight: 0.1, self: 3.6, validated: 3.4 },
    { key: 'quickwin', name: 'Quick Win', weight: 0.2, self: 5, validated: null },
  ];
  it('labels each component with its weight and each bar with its score', () => {
    const svg = componentBars({ rows, scaleMax: 5, title: 'Skor komponen' });
    expect(svg.match(/class="component"/g)).toHaveLength(2);
    expect(svg).toContain('bobot 10%');
    expect(svg).toContain('bobot 20%');
    expect(svg).toContain('>3,60<');
    expect(svg).toContain('>3,40<');
    expect(svg).toContain('tanpa nilai');
    expect(svg.match(/class="bar bar-/g)).toHaveLength(3);
    const width = (key: string) => Number(new RegExp(`class="bar bar-${key}" x="[\\d.]+" y="[\\d.]+" width="([\\d.]+)"`).exec(svg)![1]);
    expect(width('self') / width('validated')).toBeCloseTo(3.6 / 3.4, 2);
  });
});

describe('year-over-year line', () => {
  it('marks a year whose instrument differs from the year before', () => {
    const svg = historyLine({
      scaleMax: 5,
      title: 'Indeks',
      points: [
        { year: 2023, index: 3.46, instrumentId: 'b' },
        { year: 2022, index: 3.12, instrumentId: 'a' },
        { year: 2021, index: 2.71, instrumentId: 'a' },
      ],
    });
    expect(svg).toContain('>2021<');
    expect(svg).toContain('>2022<');
    expect(svg).toContain('>2023*<');
    expect(svg).toContain('Instrumen berbeda dari tahun sebelumnya');
    expect(/<polyline[^>]*points="([^"]+)"/.exec(svg)![1]!.split(' ')).toHaveLength(3);
    expect(svg.indexOf('2,71')).toBeLessThan(svg.indexOf('3,46')); // sorted by year
  });

  it('says so when there is no history, and draws a single year as a point', () => {
    expect(historyLine({ scaleMax: 5, title: 'x', points: [] })).toContain('Belum ada riwayat indeks');
    const one = historyLine({ scaleMax: 5, title: 'x', points: [{ year: 2023, index: 3.2, instrumentId: 'a' }] });
    expect(one).not.toContain('<polyline');
    expect(one).toContain('3,20');
  });
});

describe('rasterising with the bundled font', () => {
  it('draws text (the font is found without system fonts)', async () => {
    const text = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><text x="10" y="40" font-family="DejaVu Sans" font-size="28">Smart Living</text></svg>`;
    const empty = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"></svg>`;
    expect(await inkShare(svgToPng(text, 300))).toBeGreaterThan(0.03);
    expect(await inkShare(svgToPng(empty, 300))).toBe(0);
  });

  it('renders the three report charts to non-blank PNGs with the two series colours', async () => {
    const charts = reportCharts(kukar2023Report());
    for (const svg of Object.values(charts)) {
      const png = svgToPng(svg, 900);
      expect((await sharp(png).metadata()).width).toBe(900);
      expect(await inkShare(png)).toBeGreaterThan(0.02);
    }
    const { data, info } = await sharp(svgToPng(charts.components, 900)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let blue = 0, orange = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r < 30 && Math.abs(g - 0x72) < 20 && Math.abs(b - 0xb2) < 20) blue++;
      if (Math.abs(r - 0xe6) < 20 && Math.abs(g - 0x9f) < 20 && b < 30) orange++;
    }
    expect(blue).toBeGreaterThan(1000);
    expect(orange).toBeGreaterThan(1000);
  });
});
