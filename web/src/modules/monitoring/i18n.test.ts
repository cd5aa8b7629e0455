import { describe, expect, test } from 'vitest';
import en from '../../i18n/monitoring/en.json' with { type: 'json' };
import id from '../../i18n/monitoring/id.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(one|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key.replace(PLURAL, ''), [...(out.get(key.replace(PLURAL, '')) ?? []), v]);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const vars = (texts: string[]) => [...new Set(texts.flatMap((t) => [...t.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1])))].sort();

describe('monitoring texts', () => {
  const ids = flatten(id as Tree), ens = flatten(en as Tree);
  test('Indonesian and English have the same keys', () => {
    expect([...ens.keys()].sort()).toEqual([...ids.keys()].sort());
  });
  test('every text is filled and uses the same placeholders in both languages', () => {
    for (const [key, texts] of ids) {
      expect(texts.every((t) => t.trim().length > 0), key).toBe(true);
      expect(vars(ens.get(key) ?? []), key).toEqual(vars(texts));
    }
  });
});
