import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

import { AppError, fromZodIssues } from '../../../core/errors.ts';
import { checkInstrumentRules, checkRawWeightSums, instrumentFileSchema, type Path } from './schema.ts';
import type { Instrument, Text } from './types.ts';

/** One problem of an instrument file: where (line, column, field path) and what, in both languages. */
export interface InstrumentProblem { line: number; column: number; field: string; message: Text }

/** An instrument file refused: every problem found, each with its line and field. */
export class InstrumentFileError extends AppError {
  constructor(readonly problems: InstrumentProblem[], readonly fileName = 'instrument') {
    const first = problems[0]!;
    super(400, 'invalid_instrument', {
      id: `${fileName}, baris ${first.line}, isian "${first.field}": ${first.message.id}${problems.length > 1 ? ` (dan ${problems.length - 1} masalah lain)` : ''}`,
      en: `${fileName}, line ${first.line}, field "${first.field}": ${first.message.en}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`,
    }, first.field);
  }
  override toJSON() {
    const base = super.toJSON();
    return { error: { ...base.error, line: this.problems[0]!.line, problems: this.problems } };
  }
  /** Lines for a terminal, one problem each, Indonesian then English. */
  describe(): string {
    return this.problems.map((p) => `${this.fileName}:${p.line}:${p.column} ${p.field}\n  ${p.message.id}\n  ${p.message.en}`).join('\n');
  }
}

const fieldName = (p: Path) => p.map(String).join('.') || '(file)';

/** The node at a path, or the deepest existing ancestor (for a missing field, its parent). */
function nodeAt(doc: Document, p: Path): Node | null {
  let node: unknown = doc.contents;
  let found = node as Node | null;
  for (const seg of p) {
    if (isMap(node)) {
      const pair = node.items.find((i) => (i.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      // Point at the key's line ("aspects:" rather than its first item); descend into the value.
      found = (pair.key as Node | null) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      node = item;
      found = item as Node;
    } else break;
  }
  return found;
}

function position(doc: Document, lc: LineCounter, p: Path): { line: number; column: number } {
  const node = nodeAt(doc, p);
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/**
 * Parses and validates an instrument file (YAML or JSON — JSON is YAML). Throws an
 * InstrumentFileError naming the line and field of every problem found; returns the
 * instrument with weights as fractions.
 */
export function parseInstrument(source: string, fileName = 'instrument'): Instrument {
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, merge: true });
  const problems: InstrumentProblem[] = [];
  for (const e of doc.errors) {
    const { line, col } = lc.linePos(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    problems.push({
      line, column: col, field: '(file)',
      message: duplicate
        ? { id: 'kunci ganda dalam satu objek', en: 'duplicate key in one mapping' }
        : { id: `file YAML/JSON tidak dapat dibaca: ${e.message.split('\n')[0]}`, en: `the YAML/JSON file cannot be read: ${e.message.split('\n')[0]}` },
    });
  }
  if (problems.length) throw new InstrumentFileError(problems, fileName);
  // The default alias limit (100) guards against entity-expansion bombs; anchors for shared level sets still fit.
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (e) {
    // An alias without its anchor (or too many aliases): name the alias's line when we can find it.
    let offset = 0;
    visit(doc, { Alias(_key, node) { if (node.resolve(doc) === undefined) { offset = node.range?.[0] ?? 0; return visit.BREAK; } return undefined; } });
    const { line, col } = lc.linePos(offset);
    const why = (e as Error).message.split('\n')[0];
    throw new InstrumentFileError([{ line, column: col, field: '(file)', message: { id: `alias YAML tidak dapat diuraikan: ${why}`, en: `a YAML alias cannot be resolved: ${why}` } }], fileName);
  }
  const parsed = instrumentFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const err = fromZodIssues([issue]);
      const p = issue.path as Path;
      const extra = issue.code === 'unrecognized_keys' ? [(issue as { keys?: string[] }).keys?.[0] ?? ''] : [];
      const why = stripFieldPrefix(err.bilingual);
      problems.push({ ...position(doc, lc, [...p, ...extra]), field: fieldName([...p, ...extra]), message: why });
    }
    for (const r of checkRawWeightSums(raw)) problems.push({ ...position(doc, lc, r.path), field: fieldName(r.path), message: r.message });
    throw new InstrumentFileError(problems.sort((a, b) => a.line - b.line), fileName);
  }
  const instrument = parsed.data as Instrument;
  for (const r of checkInstrumentRules(instrument)) problems.push({ ...position(doc, lc, r.path), field: fieldName(r.path), message: r.message });
  if (problems.length) throw new InstrumentFileError(problems.sort((a, b) => a.line - b.line), fileName);
  return instrument;
}

/** fromZodIssues says 'Field "x" is invalid: why'; the problem list names the field separately. */
function stripFieldPrefix(t: Text): Text {
  return { id: t.id.replace(/^Isian "[^"]*" tidak valid: /, ''), en: t.en.replace(/^Field "[^"]*" is invalid: /, '') };
}

export const SHIPPED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');

/** The instrument files that ship with Pilar, as text (sorted by name). */
export function shippedInstrumentTexts(dir = SHIPPED_DIR): { file: string; text: string }[] {
  return fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort()
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** The shipped instrument files, parsed (throws on a broken shipped file). */
export function shippedInstrumentFiles(dir = SHIPPED_DIR): { file: string; text: string; instrument: Instrument }[] {
  return shippedInstrumentTexts(dir).map((f) => ({ ...f, instrument: parseInstrument(f.text, f.file) }));
}
