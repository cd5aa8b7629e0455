import { toHundredths } from './round.ts';

export interface RankInput { regionCode: string; regionName: string; index: number }
export interface Ranked extends RankInput { rank: number; /** True when another region shares this rank. */ tied: boolean }

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/**
 * National ranking of the regions evaluated in one year: standard competition ranking
 * ("1, 2, 2, 4") on the index rounded to two decimals — 3.454 and 3.451 are both 3.45 and
 * share a rank, because two decimals is what is published. Tied regions are listed by name
 * (then code) for display only; the order among them means nothing.
 */
export function rankRegions(entries: RankInput[]): Ranked[] {
  const sorted = [...entries].sort((a, b) => toHundredths(b.index) - toHundredths(a.index)
    || collator.compare(a.regionName, b.regionName) || a.regionCode.localeCompare(b.regionCode));
  const out: Ranked[] = [];
  sorted.forEach((e, i) => {
    const prev = out[i - 1];
    const rank = prev && toHundredths(prev.index) === toHundredths(e.index) ? prev.rank : i + 1;
    out.push({ ...e, rank, tied: false });
  });
  for (const r of out) r.tied = out.filter((o) => o.rank === r.rank).length > 1;
  return out;
}
