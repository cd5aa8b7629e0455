import fs from 'node:fs';
import path from 'node:path';
import { parseInstrument } from '../instruments/load.ts';
import { SHIPPED_DIR } from '../instruments/load.ts';
import type { Instrument, IndicatorAnswer } from '../instruments/types.ts';

/** A shipped instrument, parsed from its file (tests score the real instruments). */
export function shipped(id: string): Instrument {
  const file = path.join(SHIPPED_DIR, `${id}.yaml`);
  return parseInstrument(fs.readFileSync(file, 'utf8'), `${id}.yaml`);
}

export const lv = (level: number): IndicatorAnswer => ({ level });

/** The hand-worked smart-city answers of the tests and docs (see docs/evaluation-instruments.md). */
export function smartCityExample(): Record<string, IndicatorAnswer> {
  return {
    'baseline.indeks': lv(3),
    'output.masterplan': lv(4), 'output.rpjmd': lv(3), 'output.dewan': lv(2), 'output.koordinasi': lv(3), 'output.apbd': lv(2),
    'outcome.governance': lv(4), 'outcome.branding': lv(3), 'outcome.economy': lv(2), 'outcome.living': lv(3), 'outcome.society': lv(3), 'outcome.environment': lv(3),
    'impact.governance': lv(5), 'impact.branding': lv(2), 'impact.economy': lv(2), 'impact.living': lv(2), 'impact.society': lv(2), 'impact.environment': lv(2),
    'quickwin.governance': lv(5), 'quickwin.branding': lv(4), 'quickwin.economy': lv(3), 'quickwin.living': lv(4), 'quickwin.society': lv(4), 'quickwin.environment': lv(4),
    'quickwin.kebaruan': lv(3),
  };
}
