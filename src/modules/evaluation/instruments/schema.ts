import { z } from 'zod';
import type { Instrument, Text } from './types.ts';

/**
 * The schema of an instrument file (YAML or JSON; see docs/evaluation-instruments.md).
 * Zod checks the shape; checkInstrumentRules adds the rules across fields (weights summing to
 * 100 % at every level, unique keys, levels inside the scale, ascending predicates). Every
 * problem carries the path of the field, which load.ts turns into a line number.
 */

/** Tolerance for weights summing to 1 (100 %). */
export const WEIGHT_TOLERANCE = 1e-6;

const text = z.strictObject({
  id: z.string().trim().min(1, 'wajib diisi | required').max(4000),
  en: z.string().trim().min(1, 'wajib diisi | required').max(4000),
});

const key = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, 'hanya huruf kecil, angka, titik dan tanda hubung | lowercase letters, digits, dots and hyphens only');

/**
 * A weight: a number (fraction, 0.275), a percentage ("27.5%") or a ratio ("55/91") — ratios
 * let a file state weights such as 1/3 exactly.
 */
export const weight = z.union([z.number(), z.string()]).transform((v, ctx) => {
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const s = v.trim();
    const pct = s.match(/^(\d+(?:\.\d+)?)\s*%$/);
    const ratio = s.match(/^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/);
    if (pct) n = Number(pct[1]) / 100;
    else if (ratio && Number(ratio[2]) > 0) n = Number(ratio[1]) / Number(ratio[2]);
    else {
      ctx.addIssue({ code: 'custom', message: 'bobot harus angka (0.275), persen ("27.5%") atau rasio ("55/91") | a weight must be a number (0.275), a percentage ("27.5%") or a ratio ("55/91")' });
      return z.NEVER;
    }
  }
  if (!(n > 0 && n <= 1)) {
    ctx.addIssue({ code: 'custom', message: 'bobot harus lebih dari 0 dan paling besar 1 (100 %) | a weight must be above 0 and at most 1 (100 %)' });
    return z.NEVER;
  }
  return n;
});

const level = z.strictObject({
  level: z.number().int().min(0).max(100),
  name: text.optional(),
  description: text,
  evidence: text.optional(),
});

const dimension = z.enum(['governance', 'branding', 'economy', 'living', 'society', 'environment'], {
  error: 'dimensi harus salah satu dari governance, branding, economy, living, society, environment (atau null) | dimension must be one of governance, branding, economy, living, society, environment (or null)',
});

const indicator = z.strictObject({
  key,
  name: text,
  dimension: dimension.nullable().default(null),
  weight,
  cumulative: z.boolean().default(false),
  suggestFrom: z.enum(['program-status', 'quick-win-progress']).nullable().optional(),
  levels: z.array(level).min(2, 'sedikitnya dua level | at least two levels'),
});

const aspect = z.strictObject({ key, name: text, weight, indicators: z.array(indicator).min(1, 'sedikitnya satu indikator | at least one indicator') });
const component = z.strictObject({ key, name: text, weight, aspects: z.array(aspect).min(1, 'sedikitnya satu aspek | at least one aspect') });

export const instrumentFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'id: huruf kecil, angka dan tanda hubung | id: lowercase letters, digits and hyphens'),
  version: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(40)),
  kind: z.enum(['smart-city', 'spbe']),
  name: text,
  description: text.optional(),
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  group: z.string().max(80).nullable().default(null),
  scale: z.strictObject({ min: z.number().int().min(0), max: z.number().int().max(100) }),
  source: z.string().trim().min(1, 'sebutkan sumber bobot | name the source of the weights').max(2000),
  ownWording: z.boolean(),
  assumption: text.nullable().optional(),
  predicates: z.array(z.strictObject({ name: text, min: z.number().min(0) })).default([]),
  components: z.array(component).min(1, 'sedikitnya satu komponen | at least one component'),
});

export type Path = (string | number)[];
export interface RuleIssue { path: Path; message: Text }

const sumIssue = (path: Path, what: Text, sum: number): RuleIssue => {
  const pct = Math.round(sum * 1e6) / 1e4;
  return { path, message: { id: `jumlah bobot ${what.id} ${pct} %, harus 100 %`, en: `the weights of ${what.en} sum to ${pct} %, must be 100 %` } };
};

function checkSum(items: { weight: number }[], path: Path, what: Text, out: RuleIssue[]) {
  const sum = items.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) out.push(sumIssue(path, what, sum));
}

/** Rules across fields; the shape has been checked by instrumentFileSchema already. */
export function checkInstrumentRules(ins: Instrument): RuleIssue[] {
  const out: RuleIssue[] = [];
  if (ins.scale.min >= ins.scale.max) out.push({ path: ['scale', 'max'], message: { id: 'skala: max harus lebih besar dari min', en: 'scale: max must be greater than min' } });
  checkSum(ins.components, ['components'], { id: 'komponen', en: 'the components' }, out);
  const componentKeys = new Map<string, number>();
  const aspectKeys = new Set<string>();
  const indicatorKeys = new Set<string>();
  ins.components.forEach((c, ci) => {
    if (componentKeys.has(c.key)) out.push({ path: ['components', ci, 'key'], message: { id: `kunci komponen "${c.key}" ganda`, en: `duplicate component key "${c.key}"` } });
    componentKeys.set(c.key, ci);
    checkSum(c.aspects, ['components', ci, 'aspects'], { id: `aspek komponen ${c.key}`, en: `the aspects of component ${c.key}` }, out);
    c.aspects.forEach((a, ai) => {
      if (aspectKeys.has(a.key)) out.push({ path: ['components', ci, 'aspects', ai, 'key'], message: { id: `kunci aspek "${a.key}" ganda`, en: `duplicate aspect key "${a.key}"` } });
      aspectKeys.add(a.key);
      checkSum(a.indicators, ['components', ci, 'aspects', ai, 'indicators'], { id: `indikator aspek ${a.key}`, en: `the indicators of aspect ${a.key}` }, out);
      a.indicators.forEach((ind, ii) => {
        const at: Path = ['components', ci, 'aspects', ai, 'indicators', ii];
        if (indicatorKeys.has(ind.key)) out.push({ path: [...at, 'key'], message: { id: `kunci indikator "${ind.key}" ganda`, en: `duplicate indicator key "${ind.key}"` } });
        indicatorKeys.add(ind.key);
        const seen = new Set<number>();
        ind.levels.forEach((l, li) => {
          if (l.level < ins.scale.min || l.level > ins.scale.max) {
            out.push({ path: [...at, 'levels', li, 'level'], message: { id: `level ${l.level} di luar skala ${ins.scale.min}–${ins.scale.max}`, en: `level ${l.level} is outside the scale ${ins.scale.min}–${ins.scale.max}` } });
          }
          if (seen.has(l.level)) out.push({ path: [...at, 'levels', li, 'level'], message: { id: `level ${l.level} ganda`, en: `duplicate level ${l.level}` } });
          seen.add(l.level);
          if (li > 0 && l.level < ind.levels[li - 1]!.level) {
            out.push({ path: [...at, 'levels', li, 'level'], message: { id: 'level harus berurutan naik', en: 'levels must be in ascending order' } });
          }
        });
      });
    });
  });
  ins.predicates.forEach((p, pi) => {
    if (pi > 0 && p.min <= ins.predicates[pi - 1]!.min) {
      out.push({ path: ['predicates', pi, 'min'], message: { id: `batas predikat harus naik: ${p.min} tidak lebih besar dari ${ins.predicates[pi - 1]!.min}`, en: `predicate thresholds must ascend: ${p.min} is not above ${ins.predicates[pi - 1]!.min}` } });
    }
    if (p.min > ins.scale.max) out.push({ path: ['predicates', pi, 'min'], message: { id: `batas predikat ${p.min} di atas skala`, en: `predicate threshold ${p.min} is above the scale` } });
  });
  return out;
}

/**
 * The weight sums of a file whose shape is still wrong somewhere else, so that one pass
 * reports both "a level without description" and "weights sum to 90 %". Parts whose weights
 * do not parse are skipped (their own problem is reported by the schema).
 */
export function checkRawWeightSums(raw: unknown): RuleIssue[] {
  const out: RuleIssue[] = [];
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') as Record<string, unknown>[] : []);
  const sum = (items: Record<string, unknown>[], path: Path, what: Text) => {
    const ws = items.map((i) => weight.safeParse(i.weight));
    if (!items.length || ws.some((w) => !w.success)) return;
    const total = ws.reduce((s, w) => s + (w.success ? w.data : 0), 0);
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) out.push(sumIssue(path, what, total));
  };
  if (!raw || typeof raw !== 'object') return out;
  const components = list((raw as Record<string, unknown>).components);
  sum(components, ['components'], { id: 'komponen', en: 'the components' });
  components.forEach((c, ci) => {
    const aspects = list(c.aspects);
    sum(aspects, ['components', ci, 'aspects'], { id: `aspek komponen ${String(c.key)}`, en: `the aspects of component ${String(c.key)}` });
    aspects.forEach((a, ai) => sum(list(a.indicators), ['components', ci, 'aspects', ai, 'indicators'], { id: `indikator aspek ${String(a.key)}`, en: `the indicators of aspect ${String(a.key)}` }));
  });
  return out;
}
