import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Database } from '../core/db.ts';
import { InstrumentFileError, parseInstrument } from '../modules/evaluation/instruments/load.ts';
import { importInstrument, listInstruments } from '../modules/evaluation/instruments/registry.ts';

type WithDatabase = <T>(fn: (d: Database) => Promise<T>) => Promise<T>;

/** Prints every problem of a refused file (line, field, Indonesian, English) and exits with 2. */
function refuse(e: InstrumentFileError): void {
  console.error(`pilar: instrumen ditolak / instrument refused (${e.problems.length})`);
  console.error(e.describe());
  process.exitCode = 2;
}

function readFile(file: string): string {
  if (!fs.existsSync(file)) throw new Error(`${file}: file not found / file tidak ditemukan`);
  return fs.readFileSync(file, 'utf8');
}

/** `pilar import instrument FILE`, `pilar check instrument FILE`, `pilar list instruments`. */
export function registerEvaluationCommands(program: Command, withDatabase: WithDatabase): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data');
  imp.command('instrument').argument('<file>', 'instrument file (YAML or JSON), see docs/evaluation-instruments.md')
    .description('import an evaluation instrument; a bad file is refused naming each line and field')
    .action((file: string) => {
      const text = readFile(file);
      return withDatabase(async (d) => {
        try {
          const r = await importInstrument(d.db, text, null, path.basename(file));
          const i = r.instrument;
          console.log(`${r.status === 'imported' ? 'imported' : 'unchanged (already imported)'}: ${i.id} version ${i.version} — ${i.name.id}`);
          console.log(`  ${i.components.map((c) => `${c.key} ${+(c.weight * 100).toFixed(4)} %`).join(' · ')}`);
        } catch (e) {
          if (e instanceof InstrumentFileError) refuse(e);
          else throw e;
        }
      });
    });

  const check = program.commands.find((c) => c.name() === 'check') ?? program.command('check').description('validate files without importing them');
  check.command('instrument').argument('<file>').description('validate an instrument file (no database needed)').action((file: string) => {
    try {
      const i = parseInstrument(readFile(file), path.basename(file));
      const count = i.components.reduce((n, c) => n + c.aspects.reduce((m, a) => m + a.indicators.length, 0), 0);
      console.log(`valid: ${i.id} version ${i.version}, ${i.components.length} components, ${count} indicators`);
    } catch (e) {
      if (e instanceof InstrumentFileError) refuse(e);
      else throw e;
    }
  });

  const list = program.commands.find((c) => c.name() === 'list') ?? program.command('list').description('list data');
  list.command('instruments').description('evaluation instruments in the database (latest version of each)').action(() =>
    withDatabase(async (d) => {
      for (const i of await listInstruments(d.db)) {
        console.log(`${i.id.padEnd(22)} v${i.version.padEnd(4)} ${i.kind.padEnd(10)} ${i.components.map((c) => `${c.key}:${+(c.weight * 100).toFixed(4)}%`).join(' ')}`);
      }
    }));
}
