import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstrumentFileError, parseInstrument, shippedInstrumentFiles } from './load.ts';
import { SMALL } from './fixtures.ts';


function refused(text: string): InstrumentFileError {
  try {
    parseInstrument(text, 'uji.yaml');
  } catch (e) {
    if (e instanceof InstrumentFileError) return e;
    throw e;
  }
  throw new Error('the file was accepted');
}

describe('instrument files', () => {
  it('a valid file: weights as percent, fraction or ratio become fractions', () => {
    const i = parseInstrument(SMALL);
    expect(i.components.map((c) => c.weight)).toEqual([0.6, 0.4]);
    expect(i.components[1]!.aspects[0]!.weight).toBe(1);
    expect(i.components[0]!.aspects[0]!.indicators[0]).toMatchObject({ dimension: 'governance', cumulative: false });
    expect(i.predicates).toEqual([]);
  });

  it('weights summing to 90 % are refused with the line and field, in both languages', () => {
    const e = refused(SMALL.replace('weight: 60%', 'weight: 50%'));
    expect(e.status).toBe(400);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ line: 10, field: 'components' });
    expect(e.problems[0]!.message.id).toContain('90 %');
    expect(e.problems[0]!.message.en).toBe('the weights of the components sum to 90 %, must be 100 %');
    expect(e.bilingual.id).toContain('baris 10');
    expect(e.bilingual.en).toContain('line 10, field "components"');
    expect(e.toJSON().error).toMatchObject({ code: 'invalid_instrument', field: 'components', line: 10 });
  });

  it('indicator weights inside an aspect not summing to 100 % name that aspect', () => {
    const e = refused(SMALL.replace('weight: 100%', 'weight: 90%'));
    expect(e.problems[0]).toMatchObject({ line: 36, field: 'components.1.aspects.0.indicators' });
  });

  it('a level without description is refused at that level', () => {
    const e = refused(SMALL.replace('                description: {id: Ditetapkan, en: Adopted}\n', ''));
    expect(e.problems[0]).toMatchObject({ line: 26, field: 'components.0.aspects.0.indicators.0.levels.1.description' });
    expect(e.problems[0]!.message.en).toMatch(/expected object|required/i);
  });

  it('an empty description text is refused too', () => {
    const e = refused(SMALL.replace('{id: Ditetapkan, en: Adopted}', '{id: "", en: Adopted}'));
    expect(e.problems[0]!.field).toBe('components.0.aspects.0.indicators.0.levels.1.description.id');
  });

  it('duplicate keys: in one mapping (YAML) and across indicators', () => {
    const dupMap = refused(SMALL.replace('    weight: 60%\n', '    weight: 60%\n    weight: 60%\n'));
    expect(dupMap.problems[0]).toMatchObject({ line: 14, field: '(file)' });
    expect(dupMap.problems[0]!.message.en).toContain('duplicate key');
    const dupIndicator = refused(SMALL.replace('- key: quickwin.economy', '- key: output.masterplan'));
    expect(dupIndicator.problems[0]).toMatchObject({ line: 37, field: 'components.1.aspects.0.indicators.0.key' });
    expect(dupIndicator.problems[0]!.message.en).toContain('duplicate indicator key');
  });

  it('a level outside the scale', () => {
    const e = refused(SMALL.replace('- level: 5\n                description: {id: Selesai', '- level: 6\n                description: {id: Selesai'));
    expect(e.problems[0]).toMatchObject({ line: 45, field: 'components.1.aspects.0.indicators.0.levels.1.level' });
    expect(e.problems[0]!.message.id).toContain('di luar skala 0–5');
  });

  it('an unknown dimension', () => {
    const e = refused(SMALL.replace('dimension: economy', 'dimension: ekonomi'));
    expect(e.problems[0]).toMatchObject({ line: 39, field: 'components.1.aspects.0.indicators.0.dimension' });
    expect(e.problems[0]!.message.en).toContain('governance, branding, economy');
  });

  it('predicates not ascending', () => {
    const e = refused(SMALL.replace('ownWording: true\n', 'ownWording: true\npredicates:\n  - {name: {id: Baik, en: Good}, min: 2.6}\n  - {name: {id: Cukup, en: Fair}, min: 1.8}\n'));
    expect(e.problems[0]).toMatchObject({ line: 12, field: 'predicates.1.min' });
    expect(e.problems[0]!.message.en).toContain('must ascend');
  });

  it('an unknown field is named', () => {
    const e = refused(SMALL.replace('group: uji', 'grup: uji'));
    expect(e.problems.map((p) => p.field)).toContain('grup');
    expect(e.problems.find((p) => p.field === 'grup')!.line).toBe(6);
  });

  it('a level without description and weights of 90 % in one file: both reported', () => {
    const e = refused(SMALL.replace('weight: 60%', 'weight: 50%').replace('                description: {id: Ditetapkan, en: Adopted}\n', ''));
    expect(e.problems.map((p) => `${p.line} ${p.field}`)).toEqual(['10 components', '26 components.0.aspects.0.indicators.0.levels.1.description']);
  });

  it('all problems are listed, sorted by line', () => {
    const e = refused(SMALL.replace('weight: 60%', 'weight: 50%').replace('weight: 100%', 'weight: 90%'));
    expect(e.problems.map((p) => p.line)).toEqual([10, 36]);
    expect(e.describe()).toContain('uji.yaml:10:1 components');
  });

  it('YAML syntax errors name the line', () => {
    const e = refused('id: x\nname: {id: a, en: b\nkind: spbe\n');
    expect(e.problems[0]!.line).toBeGreaterThanOrEqual(2);
    expect(e.problems[0]!.message.en).toContain('cannot be read');
  });

  it('an alias without its anchor names its line (found by the fuzz test)', () => {
    const e = refused(SMALL.replace('group: uji', 'group: *tidak-ada'));
    expect(e.problems[0]).toMatchObject({ line: 6, field: '(file)' });
    expect(e.problems[0]!.message.en).toContain('alias');
  });

  it('JSON files are accepted, and their errors carry lines too', () => {
    const json = JSON.stringify(parseInstrument(SMALL), null, 2);
    expect(parseInstrument(json).id).toBe('kecil-2025');
    const bad = json.replace('"weight": 0.6', '"weight": 0.5');
    const e = refused(bad);
    expect(e.problems[0]!.field).toBe('components');
    expect(bad.split('\n')[e.problems[0]!.line - 1]).toContain('"components"');
  });
});

describe('shipped instruments', () => {
  const files = shippedInstrumentFiles();
  const byId = Object.fromEntries(files.map((f) => [f.instrument.id, f.instrument]));
  const pct = (id: string) => byId[id]!.components.map((c) => `${c.key} ${Math.round(c.weight * 1000) / 10}`);
  it('all valid, with the weights of the domain notes', () => {
    expect(Object.keys(byId).sort()).toEqual(['gmsc-100-2022', 'gmsc-100-2023', 'gmsc-100-2024', 'gmsc-kppn-ikn-2022', 'gmsc-tahap2-2023', 'gmsc-tahap2-2024', 'spbe-2020']);
    expect(pct('gmsc-100-2022')).toEqual(['baseline 10', 'output 20', 'outcome 30', 'impact 20', 'quickwin 20']);
    expect(pct('gmsc-kppn-ikn-2022')).toEqual(['baseline 10', 'output 20', 'outcome 30', 'impact 10', 'quickwin 30']);
    expect(pct('gmsc-tahap2-2023')).toEqual(['baseline 10', 'output 20', 'outcome 20', 'impact 20', 'quickwin 20', 'kolaborasi 10']);
    expect(pct('spbe-2020')).toEqual(['kebijakan 13', 'tata-kelola 25', 'manajemen 16.5', 'layanan 45.5']);
    expect(byId['spbe-2020']!.predicates.map((p) => `${p.name.id} ${p.min}`)).toEqual(['Kurang 0', 'Cukup 1.8', 'Baik 2.6', 'Sangat Baik 3.5', 'Memuaskan 4.2']);
  });
  it('smart-city instruments: six dimensions, 0–5 scales, every level described with its evidence, own wording with a source', () => {
    for (const i of files.map((f) => f.instrument)) {
      expect(i.ownWording).toBe(true);
      expect(i.source.length).toBeGreaterThan(20);
      for (const c of i.components) for (const a of c.aspects) for (const ind of a.indicators) {
        for (const l of ind.levels) {
          expect(l.description.id && l.description.en).toBeTruthy();
          expect(l.evidence?.id && l.evidence.en).toBeTruthy();
        }
      }
      if (i.kind !== 'smart-city') continue;
      expect(i.scale).toEqual({ min: 0, max: 5 });
      const dims = new Set(i.components.flatMap((c) => c.aspects.flatMap((a) => a.indicators.map((x) => x.dimension))).filter(Boolean));
      expect(dims.size).toBe(6);
    }
  });
  it('SPBE: cumulative levels 1–5 named Rintisan … Optimum', () => {
    const ind = byId['spbe-2020']!.components[0]!.aspects[0]!.indicators[0]!;
    expect(ind.cumulative).toBe(true);
    expect(ind.levels.map((l) => l.name?.id)).toEqual(['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum']);
  });
  it('the 2024 Tahap II instrument says its weights are assumed', () => {
    expect(byId['gmsc-tahap2-2024']!.assumption?.en).toContain('assumes the 2023 weights');
    expect(byId['gmsc-100-2024']!.assumption ?? null).toBeNull();
  });
});

describe('robustness', () => {
  it('any mangled file is either valid or refused with problems that name a line within the file and a field', () => {
    const lines = SMALL.split('\n');
    fc.assert(fc.property(fc.nat(lines.length - 1), fc.nat(200), fc.string({ maxLength: 6 }), fc.constantFrom('delete', 'replace', 'insert'), (at, col, junk, op) => {
      const copy = [...lines];
      if (op === 'delete') copy.splice(at, 1);
      else if (op === 'insert') copy.splice(at, 0, junk);
      else copy[at] = copy[at]!.slice(0, col % (copy[at]!.length + 1)) + junk;
      const text = copy.join('\n');
      try {
        parseInstrument(text);
      } catch (e) {
        expect(e).toBeInstanceOf(InstrumentFileError);
        for (const p of (e as InstrumentFileError).problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(copy.length + 1);
          expect(p.field.length).toBeGreaterThan(0);
          expect(p.message.id && p.message.en).toBeTruthy();
        }
      }
    }), { numRuns: 1000 });
  });
});

