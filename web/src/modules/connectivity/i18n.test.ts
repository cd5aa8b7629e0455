import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import id from '../../i18n/connectivity/id.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// Key parity of both languages is checked for every namespace in web/src/i18n/resources.test.ts.
describe('connectivity texts', () => {
  const ids = flatten(id as Tree);

  test('every literal key the planner uses exists', () => {
    const dir = import.meta.dirname;
    const used = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.tsx'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/\bt\('([\w.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(ids.has(key), key).toBe(true);
  });
});
