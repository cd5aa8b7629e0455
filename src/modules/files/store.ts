import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where the bytes of evidence files live, addressed by their SHA-256. The disk store below is
 * the default; an S3-compatible store (key = sha256) can implement the same three methods.
 */
export interface BlobStore {
  /** Stores the bytes (once: the same content is kept a single time) and returns their hash. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /** The stored bytes as a stream, or null when nothing is stored under that hash. */
  get(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Blobs on disk as `<dir>/ab/cd/<sha256>`, written to a temp file and renamed into place. */
export class DiskBlobStore implements BlobStore {
  constructor(readonly dir: string) {}

  /** The path of a blob; refuses anything but a lower-case hex SHA-256 (no path tricks). */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const result = { sha256, size: bytes.byteLength };
    if (await this.has(sha256)) return result;
    const final = this.pathOf(sha256);
    await fsp.mkdir(path.dirname(final), { recursive: true });
    // The temp file sits next to its target (same file system, so rename is atomic); a reader
    // therefore sees either no blob or the whole blob, never a half-written one.
    const temp = `${final}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await fsp.open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fsp.rename(temp, final);
    } catch (e) {
      await fsp.rm(temp, { force: true });
      throw e;
    }
    return result;
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!SHA256.test(sha256)) return null;
    const file = this.pathOf(sha256);
    try {
      const handle = await fsp.open(file, 'r');
      return handle.createReadStream();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    try {
      await fsp.access(this.pathOf(sha256), fs.constants.R_OK);
      return true;
    } catch {
      return false;
    }
  }
}
