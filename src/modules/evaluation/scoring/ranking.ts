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
  const keyed = entries.map((e) => ({ e, h: toHundredths(e.index) }));
  keyed.sort((a, b) => b.h - a.h || collator.compare(a.e.regionName, b.e.regionName) || a.e.regionCode.localeCompare(b.e.regionCode));
  const out: Ranked[] = [];
  keyed.forEach(({ e, h }, i) => {
    const rank = i > 0 && keyed[i - 1]!.h === h ? out[i - 1]!.rank : i + 1;
    out.push({ ...e, rank, tied: false });
  });
  const perRank = new Map<number, number>();
  for (const r of out) perRank.set(r.rank, (perRank.get(r.rank) ?? 0) + 1);
  for (const r of out) r.tied = perRank.get(r.rank)! > 1;
  return out;
}
