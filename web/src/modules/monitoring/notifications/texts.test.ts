import { describe, expect, test } from 'vitest';
import en from '../../../i18n/monitoring-extras/en.json' with { type: 'json' };
import id from '../../../i18n/monitoring-extras/id.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };
/** key → texts, plural suffixes folded (Indonesian needs only "_other"). */
function flatten(tree: Tree, prefix = '', out = new Map<string, string[]>()): Map<string, string[]> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const base = key.replace(/_(one|other)$/, '');
      out.set(base, [...(out.get(base) ?? []), v]);
    } else flatten(v, key, out);
  }
  return out;
}
const vars = (texts: string[]) => [...new Set(texts.flatMap((t) => [...t.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1])))].sort();

describe('monitoring-extras texts', () => {
  const ids = flatten(id as Tree);
  const ens = flatten(en as Tree);
  test('Indonesian and English have the same keys, no empty texts, the same placeholders', () => {
    expect([...ens.keys()].sort()).toEqual([...ids.keys()].sort());
    for (const [key, texts] of ids) {
      for (const t of [...texts, ...(ens.get(key) ?? [])]) expect(t.trim(), key).not.toBe('');
      expect(vars(ens.get(key) ?? []), key).toEqual(vars(texts));
    }
  });
});
