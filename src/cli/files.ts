import type { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import type { Database } from '../core/db.ts';
import { DiskBlobStore } from '../modules/files/store.ts';
import { verifyStore } from '../modules/files/verify.ts';

type WithDatabase = <T>(fn: (d: Database) => Promise<T>) => Promise<T>;

/** `pilar files verify [--remove-orphans]`: is every evidence file's content in the store and intact? */
export function registerFileCommands(program: Command, withDatabase: WithDatabase): void {
  const files = program.command('files').description('evidence files (docs/files.md)');
  files.command('verify').description('check that every file\'s blob exists and matches its SHA-256; list blobs no file refers to (exit code 1 when a blob is missing or damaged)')
    .option('--remove-orphans', 'also delete unreferenced blobs and leftover temp files older than an hour')
    .action((o: { removeOrphans?: boolean }) => withDatabase(async (d) => {
      const store = new DiskBlobStore(loadConfig().filesDir);
      const r = await verifyStore(d.db, store, { removeOrphans: !!o.removeOrphans });
      const orphanBytes = r.orphans.reduce((s, x) => s + x.bytes, 0);
      console.log(`files in ${store.dir}: ${r.referenced} referenced blobs, ${r.ok} intact, ${r.missing.length} missing, ${r.corrupt.length} damaged; `
        + `${r.orphans.length} unreferenced (${(orphanBytes / 1e6).toFixed(1)} MB), ${r.temps.length} temp files${o.removeOrphans ? `; ${r.removed} removed` : ''}`);
      for (const sha of r.missing) console.log(`  missing: ${sha} (restore ${store.pathOf(sha)} from a backup)`);
      for (const sha of r.corrupt) console.log(`  damaged: ${sha} (restore ${store.pathOf(sha)} from a backup)`);
      if (r.missing.length || r.corrupt.length) process.exitCode = 1;
    }));
}
