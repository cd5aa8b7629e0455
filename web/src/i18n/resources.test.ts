import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** key → text, with plural suffixes folded into one key (Indonesian has only "_other"). */
function flatten(tree: Tree, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const base = key.replace(PLURAL, '');
      out.set(base, [...(out.get(base) ?? []), v]);
    } else {
      for (const [kk, vv] of flatten(v, key)) out.set(kk, [...(out.get(kk) ?? []), ...vv]);
    }
  }
  return out;
}
const vars = (texts: string[]) => [...new Set(texts.flatMap((t) => [...t.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1])))].sort();

// The portal's texts, and every module namespace (web/src/i18n/<module>/{id,en}.json, loaded
// with its module's chunk): a new namespace is checked without touching this file.
const readTree = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
const namespaces = fs.readdirSync(import.meta.dirname, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const SETS: [string, Tree, Tree][] = [
  ['portal', id as Tree, en as Tree],
  ...namespaces.map((ns): [string, Tree, Tree] => [ns, readTree(path.join(import.meta.dirname, ns, 'id.json')), readTree(path.join(import.meta.dirname, ns, 'en.json'))]),
];

test('every module namespace is checked', () => {
  expect(namespaces).toEqual(expect.arrayContaining(['admin', 'connectivity', 'evaluation', 'files', 'monitoring']));
});

describe.each(SETS)('i18n resources: %s', (_name, idTree, enTree) => {
  const ids = flatten(idTree);
  const ens = flatten(enTree);
  test('Indonesian and English have the same keys', () => {
    expect([...ens.keys()].sort()).toEqual([...ids.keys()].sort());
  });

  test('no empty texts, and both languages use the same placeholders', () => {
    for (const [key, texts] of ids) {
      const other = ens.get(key) ?? [];
      for (const t of [...texts, ...other]) expect(t.trim(), key).not.toBe('');
      expect(vars(other), key).toEqual(vars(texts));
    }
  });

  test('keys are structured identifiers, not sentences', () => {
    for (const key of ids.keys()) expect(key).toMatch(/^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)*$/);
  });
});
