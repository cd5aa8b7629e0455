import { describe, expect, test } from 'vitest';
import en from '../../../i18n/evaluation-instruments/en.json' with { type: 'json' };
import id from '../../../i18n/evaluation-instruments/id.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };
const flat = (t: Tree, p = ''): Record<string, string> => Object.assign({}, ...Object.entries(t).map(([k, v]) => (typeof v === 'string' ? { [`${p}${k}`]: v } : flat(v, `${p}${k}.`))));
const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('i18n resources: evaluation-instruments', () => {
  const ids = flat(id as Tree);
  const ens = flat(en as Tree);
  test('Indonesian and English have the same keys, no empty texts, same placeholders', () => {
    expect(Object.keys(ens).sort()).toEqual(Object.keys(ids).sort());
    for (const [k, v] of Object.entries(ids)) {
      expect(v.trim(), k).not.toBe('');
      expect(ens[k]!.trim(), k).not.toBe('');
      expect(vars(ens[k]!), k).toEqual(vars(v));
    }
  });
});
