import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { DbOrTx } from '../../core/db.ts';
import { files } from './schema.ts';
import type { DiskBlobStore } from './store.ts';

export interface VerifyReport {
  /** Distinct blobs the table refers to (files and thumbnails). */
  referenced: number;
  ok: number;
  /** Referenced but absent from the store: restore them from a backup. */
  missing: string[];
  /** Present but their content no longer hashes to their name. */
  corrupt: string[];
  /** Blobs no row refers to (e.g. an upload whose database write failed). */
  orphans: { sha256: string; bytes: number }[];
  /** Temp files left by an interrupted write. */
  temps: string[];
  /** What --remove-orphans deleted (orphans and temp files older than an hour). */
  removed: number;
}

const HEX = /^[0-9a-f]{64}$/;
/** An orphan this young may be an upload whose row is being written right now. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries: fs.Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p); else if (e.isFile()) yield p;
  }
}

/** Checks every referenced blob (present, content matches its hash) and finds unreferenced ones. */
export async function verifyStore(db: DbOrTx, store: DiskBlobStore, opts: { removeOrphans?: boolean; now?: number } = {}): Promise<VerifyReport> {
  const rows = await db.select({ sha: files.sha256, thumb: files.thumbnailSha256 }).from(files);
  const referenced = new Set(rows.flatMap((r) => (r.thumb ? [r.sha, r.thumb] : [r.sha])));
  const report: VerifyReport = { referenced: referenced.size, ok: 0, missing: [], corrupt: [], orphans: [], temps: [], removed: 0 };
  for (const sha of referenced) {
    if (!(await store.has(sha))) report.missing.push(sha);
    else if ((await sha256OfFile(store.pathOf(sha))) !== sha) report.corrupt.push(sha);
    else report.ok++;
  }
  const now = opts.now ?? Date.now();
  for await (const file of walk(store.dir)) {
    const name = path.basename(file);
    const old = async () => now - (await fsp.stat(file)).mtimeMs > ORPHAN_GRACE_MS;
    if (name.endsWith('.tmp')) {
      report.temps.push(path.relative(store.dir, file));
      if (opts.removeOrphans && (await old())) { await fsp.rm(file, { force: true }); report.removed++; }
    } else if (HEX.test(name) && !referenced.has(name)) {
      report.orphans.push({ sha256: name, bytes: (await fsp.stat(file)).size });
      if (opts.removeOrphans && (await old())) { await fsp.rm(file, { force: true }); report.removed++; }
    }
  }
  return report;
}
