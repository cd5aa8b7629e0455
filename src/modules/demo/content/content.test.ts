import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { GMSC_2017 } from '../../framework/data.ts';
import { DEMO_REGIONS } from './index.ts';

const DIMENSIONS = GMSC_2017.dimensions.map((d) => d.key);
const ELEMENT_TO_DIMENSION = new Map(GMSC_2017.dimensions.flatMap((d) => d.elements.map((e) => [e.key, d.key] as const)));
const ASPECTS = ['struktur', 'infrastruktur', 'suprastruktur'];
const SWOT_KINDS = ['strength', 'weakness', 'opportunity', 'threat'];
const BUDGET_SOURCES = ['APBD', 'APBN', 'APBDes', 'CSR', 'other'];

/** First column of an idn-area-data CSV (codes never contain commas or quotes). */
function codes(file: string): Set<string> {
  const text = readFileSync(new URL(`../../../../node_modules/idn-area-data/data/${file}`, import.meta.url), 'utf8');
  return new Set(text.split(/\r?\n/).slice(1).filter(Boolean).map((line) => line.split(',')[0] ?? ''));
}
const DISTRICTS = codes('districts.csv');
const VILLAGES = codes('villages.csv');

const span = (p: { startYear: number; endYear: number }) => p.endYear - p.startYear + 1;

describe('demo content', () => {
  it('has the four regencies in order', () => {
    expect(DEMO_REGIONS.map((r) => r.regionCode)).toEqual(['64.02', '64.01', '64.09', '64.07']);
  });

  for (const region of DEMO_REGIONS) {
    describe(region.regionCode, () => {
      const mp = region.masterplan;
      const opdAbbrs = new Set(region.opds.map((o) => o.abbreviation));
      const programs = new Map(region.programs.map((p) => [p.code, p]));

      it('has a plausible masterplan', () => {
        expect(mp.periodEnd - mp.periodStart + 1).toBeLessThanOrEqual(10);
        expect(mp.periodStart).toBeLessThan(mp.periodEnd);
        expect(mp.status).toBe('adopted');
        expect(mp.vision.length).toBeGreaterThan(20);
        expect(mp.mission.length).toBeGreaterThanOrEqual(3);
        const fields = Object.keys(mp);
        for (const f of mp.illustrativeFields) expect(fields).toContain(f);
        expect(mp.illustrativeFields).toContain('legalBasis');
        expect(region.sources.length).toBeGreaterThan(0);
      });

      it('has 10–14 OPDs with one leading sector (Bappeda) and one coordinator (Diskominfo…)', () => {
        expect(region.opds.length).toBeGreaterThanOrEqual(10);
        expect(region.opds.length).toBeLessThanOrEqual(14);
        expect(opdAbbrs.size).toBe(region.opds.length);
        const leading = region.opds.filter((o) => o.role === 'leading_sector');
        const coordinator = region.opds.filter((o) => o.role === 'coordinator');
        expect(leading.map((o) => o.abbreviation)).toEqual(['Bappeda']);
        expect(coordinator).toHaveLength(1);
        expect(coordinator[0]?.abbreviation.startsWith('Diskominfo')).toBe(true);
        for (const o of region.opds) expect(o.name.length).toBeGreaterThan(5);
      });

      it('has ≥ 22 programs with unique codes covering all 18 elements', () => {
        expect(region.programs.length).toBeGreaterThanOrEqual(22);
        expect(programs.size).toBe(region.programs.length);
        for (const p of region.programs) expect(ELEMENT_TO_DIMENSION.has(p.elementKey), `${p.code} ${p.elementKey}`).toBe(true);
        const covered = new Set(region.programs.map((p) => p.elementKey));
        expect([...ELEMENT_TO_DIMENSION.keys()].filter((k) => !covered.has(k))).toEqual([]);
      });

      it('programs are owned by the region’s OPDs', () => {
        for (const p of region.programs) {
          expect(opdAbbrs.has(p.leadOpd), `${p.code} lead ${p.leadOpd}`).toBe(true);
          for (const s of p.supportingOpds) expect(opdAbbrs.has(s), `${p.code} support ${s}`).toBe(true);
          expect(p.supportingOpds).not.toContain(p.leadOpd);
          expect(new Set(p.supportingOpds).size).toBe(p.supportingOpds.length);
        }
      });

      it('programs have 1–4 real locations inside the region, mostly villages', () => {
        let villages = 0;
        let total = 0;
        for (const p of region.programs) {
          expect(p.locations.length, p.code).toBeGreaterThanOrEqual(1);
          expect(p.locations.length, p.code).toBeLessThanOrEqual(4);
          expect(new Set(p.locations).size, p.code).toBe(p.locations.length);
          for (const loc of p.locations) {
            expect(loc.startsWith(`${region.regionCode}.`), `${p.code} ${loc}`).toBe(true);
            const parts = loc.split('.').length;
            if (parts === 4) expect(VILLAGES.has(loc), `${p.code} village ${loc}`).toBe(true);
            else if (parts === 3) expect(DISTRICTS.has(loc), `${p.code} district ${loc}`).toBe(true);
            else throw new Error(`${p.code}: bad location ${loc}`);
            total += 1;
            if (parts === 4) villages += 1;
          }
        }
        expect(villages / total).toBeGreaterThan(0.5);
        const districts = new Set(region.programs.flatMap((p) => p.locations.map((l) => l.split('.').slice(0, 3).join('.'))));
        expect(districts.size).toBeGreaterThanOrEqual(4);
      });

      it('programs have consistent horizons and years', () => {
        for (const p of region.programs) {
          const n = span(p);
          const expected = n === 1 ? 'short' : n <= 5 ? 'medium' : 'long';
          expect(n, p.code).toBeLessThanOrEqual(10);
          expect(p.horizon, p.code).toBe(expected);
          expect(p.startYear, p.code).toBeGreaterThanOrEqual(mp.periodStart - 1);
          expect(p.endYear, p.code).toBeLessThanOrEqual(mp.periodEnd);
          expect(p.title.length, p.code).toBeGreaterThan(2);
          expect(p.description.length, p.code).toBeGreaterThan(20);
          if (p.serviceUrl) expect(p.serviceName, p.code).toBeTruthy();
        }
      });

      it('programs have 1–3 well-formed KPIs', () => {
        for (const p of region.programs) {
          expect(p.kpis.length, p.code).toBeGreaterThanOrEqual(1);
          expect(p.kpis.length, p.code).toBeLessThanOrEqual(3);
          let multiYear = false;
          for (const k of p.kpis) {
            const label = `${p.code} ${k.name}`;
            expect(k.targets.length, label).toBeGreaterThanOrEqual(1);
            const years = k.targets.map((t) => t.year);
            expect([...years].sort((a, b) => a - b), label).toEqual(years);
            expect(new Set(years).size, label).toBe(years.length);
            if (years.length >= 2) multiYear = true;
            for (const t of k.targets) {
              expect(t.year, label).toBeGreaterThanOrEqual(p.startYear);
              expect(t.year, label).toBeLessThanOrEqual(p.endYear);
              expect(Number.isFinite(t.value), label).toBe(true);
              if (k.polarity === 'range') {
                expect(t.valueMax, label).toBeTypeOf('number');
                expect(t.valueMax!, label).toBeGreaterThan(t.value);
              } else {
                expect('valueMax' in t, label).toBe(false);
              }
            }
            expect(k.baselineYear, label).not.toBeNull();
            expect(k.baselineValue, label).not.toBeNull();
            expect(k.baselineYear!, label).toBeLessThanOrEqual(years[0]!);
          }
          if (p.horizon !== 'short') expect(multiYear, `${p.code}: several target years`).toBe(true);
        }
      });

      it('programs have realistic budgets', () => {
        for (const p of region.programs) {
          expect(p.budgets.length, p.code).toBeGreaterThan(0);
          for (const b of p.budgets) {
            expect(BUDGET_SOURCES, p.code).toContain(b.source);
            expect(Number.isInteger(b.amount), p.code).toBe(true);
            expect(b.amount, p.code).toBeGreaterThanOrEqual(50_000_000);
            expect(b.amount, p.code).toBeLessThanOrEqual(15_000_000_000);
            expect(b.year, p.code).toBeGreaterThanOrEqual(p.startYear);
            expect(b.year, p.code).toBeLessThanOrEqual(p.endYear);
          }
          const years = [...new Set(p.budgets.map((b) => b.year))].sort((a, b) => a - b);
          expect(years.length, p.code).toBeLessThanOrEqual(5);
          if (p.horizon !== 'long') {
            const all = Array.from({ length: span(p) }, (_, i) => p.startYear + i);
            expect(years, p.code).toEqual(all);
          }
          const keys = p.budgets.map((b) => `${b.year}/${b.source}`);
          expect(new Set(keys).size, `${p.code}: one row per year and source`).toBe(keys.length);
          const apbd = p.budgets.filter((b) => b.source === 'APBD').length;
          expect(apbd, p.code).toBeGreaterThan(0);
        }
      });

      it('invented programs flag their numbers as illustrative', () => {
        for (const p of region.programs) {
          if (!p.illustrative) continue;
          for (const b of p.budgets) expect(b.illustrative, p.code).toBe(true);
          for (const k of p.kpis) expect(k.illustrative, p.code).toBe(true);
        }
      });

      it('has well-formed quick wins, six for 2025 and six for 2026', () => {
        const seen = new Set<string>();
        for (const q of region.quickWins) {
          const key = `${q.year}/${q.dimensionKey}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
          const p = programs.get(q.programCode);
          expect(p, q.programCode).toBeDefined();
          expect(DIMENSIONS).toContain(q.dimensionKey);
          expect(ELEMENT_TO_DIMENSION.get(p!.elementKey), `${key} ${q.programCode}`).toBe(q.dimensionKey);
          expect(q.year, `${key} ${q.programCode}`).toBeGreaterThanOrEqual(p!.startYear);
          expect(q.year, `${key} ${q.programCode}`).toBeLessThanOrEqual(p!.endYear);
          if (q.progress !== null) {
            expect(q.progress).toBeGreaterThanOrEqual(0);
            expect(q.progress).toBeLessThanOrEqual(100);
          } else {
            expect(q.progressIllustrative).toBe(false);
          }
        }
        for (const year of [2025, 2026]) {
          const qs = region.quickWins.filter((q) => q.year === year);
          expect(qs.map((q) => q.dimensionKey).sort(), String(year)).toEqual([...DIMENSIONS].sort());
          for (const q of qs) {
            expect(q.progressIllustrative).toBe(true);
            expect(q.progress).not.toBeNull();
          }
        }
        for (const d of DIMENSIONS) {
          const p25 = region.quickWins.find((q) => q.year === 2025 && q.dimensionKey === d)?.progress;
          const p26 = region.quickWins.find((q) => q.year === 2026 && q.dimensionKey === d)?.progress;
          expect(p26!, d).toBeLessThan(p25!);
        }
      });

      it('has readiness for 6 dimensions × 3 aspects with 2–4 SWOT items', () => {
        expect(region.readiness).toHaveLength(18);
        const keys = new Set(region.readiness.map((r) => `${r.dimensionKey}/${r.aspect}`));
        for (const d of DIMENSIONS) for (const a of ASPECTS) expect(keys.has(`${d}/${a}`), `${d}/${a}`).toBe(true);
        for (const r of region.readiness) {
          expect(r.summary.length).toBeGreaterThan(20);
          expect(r.swot.length).toBeGreaterThanOrEqual(2);
          expect(r.swot.length).toBeLessThanOrEqual(4);
          for (const s of r.swot) {
            expect(SWOT_KINDS).toContain(s.kind);
            expect(s.text.length).toBeGreaterThan(10);
          }
        }
      });
    });
  }

  describe('facts', () => {
    const byCode = new Map(DEMO_REGIONS.map((r) => [r.regionCode, r]));
    const kukar = byCode.get('64.02')!;
    const title = (code: string) => kukar.programs.find((p) => p.code === code)?.title;
    const quickWinTitles = (year: number) =>
      Object.fromEntries(kukar.quickWins.filter((q) => q.year === year).map((q) => [q.dimensionKey, title(q.programCode)]));

    it('Kukar 2022 quick wins are the ones named in the Rakor of 7 September 2022', () => {
      expect(quickWinTitles(2022)).toEqual({
        governance: 'Becik', branding: 'Kukar Asia Wonders', economy: 'Bangmus Kebulan',
        society: 'Kidung', living: 'Siruni', environment: 'Smart Bio Village',
      });
    });

    it('Kukar 2021 quick wins are the items reviewed in 2021', () => {
      expect(quickWinTitles(2021)).toEqual({
        governance: 'Idaman RT', branding: 'Kukar Asia Wonders', economy: 'UMKM',
        society: 'KIM', living: 'Simpel BPJS', environment: 'Bank Sampah',
      });
      const branding = kukar.quickWins.filter((q) => q.dimensionKey === 'branding' && q.year <= 2022);
      expect(new Set(branding.map((q) => q.programCode)).size).toBe(1);
      for (const q of kukar.quickWins.filter((x) => x.year <= 2022)) {
        expect(kukar.programs.find((p) => p.code === q.programCode)?.illustrative).toBe(false);
      }
    });

    it('Kukar blank-spot program carries the published figures', () => {
      const p = kukar.programs.find((x) => x.title === 'Penuntasan Blank Spot')!;
      expect(p.illustrative).toBe(false);
      expect(p.elementKey).toBe('governance.public-service');
      const kpi = p.kpis.find((k) => k.name === 'Desa blank spot')!;
      expect(kpi).toMatchObject({ unit: 'desa', polarity: 'lower', baselineValue: 23, baselineYear: 2021, illustrative: false });
      expect(kpi.targets).toEqual([{ year: 2022, value: 18 }, { year: 2023, value: 0 }]);
      expect(p.budgets).toContainEqual({ year: 2022, source: 'APBD', amount: 4_900_000_000, illustrative: false });
    });

    it('Kukar and Paser have the roles named by the seeds', () => {
      const paser = byCode.get('64.01')!;
      expect(paser.opds.find((o) => o.role === 'coordinator')).toMatchObject({
        abbreviation: 'Diskominfostaper', name: 'Dinas Komunikasi Informatika Statistik dan Persandian',
      });
      expect(paser.masterplan.vision).toBe('Menuju Kabupaten Paser Maju, Adil dan Sejahtera dengan Kecerdasan yang Harmonis');
      expect(paser.masterplan.illustrativeFields).not.toContain('vision');
      for (const service of ['Call Center 112', 'Paser Smart Service', 'Satu Data Paser']) {
        const p = paser.programs.find((x) => x.serviceName === service);
        expect(p, service).toBeDefined();
        expect(p!.illustrative).toBe(false);
      }
      expect(paser.programs.some((p) => /command room/i.test(p.title) && !p.illustrative)).toBe(true);
    });

    it('PPU programs reach Kecamatan Sepaku, where Nusantara is built', () => {
      const ppu = byCode.get('64.09')!;
      expect(DISTRICTS.has('64.09.04')).toBe(true);
      expect(ppu.programs.some((p) => p.locations.some((l) => l === '64.09.04' || l.startsWith('64.09.04.')))).toBe(true);
    });

    it('Kubar programs reach Sendawar (Barong Tongkok)', () => {
      const kubar = byCode.get('64.07')!;
      expect(kubar.programs.some((p) => p.locations.some((l) => l.startsWith('64.07.07')))).toBe(true);
    });
  });
});
