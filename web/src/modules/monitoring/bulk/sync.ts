/**
 * Sends the outbox (queue.ts) to the server: debounced after typing, at once when the browser
 * comes back online, and with exponential backoff (1 s, 2 s, 4 s … 30 s) while the server
 * cannot be reached. A refusal of the whole request (logged out, no access) stops retrying
 * but keeps every entry in the outbox.
 */
import type { EditQueue, EntryResult, PendingEdit } from './queue.ts';

export type SyncState =
  | { kind: 'idle' }
  | { kind: 'syncing' }
  | { kind: 'offline' }
  | { kind: 'retrying'; inMs: number }
  | { kind: 'error'; status: number; error: unknown };

export interface SyncEnv {
  isOnline(): boolean;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What a failed send tells about retrying: HTTP status (0 = no answer at all). */
export type SendError = { status: number };

const BATCH = 200;
const MAX_BACKOFF_MS = 30_000;

export const backoffMs = (attempt: number) => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));
/** No answer, a server error, a timeout or rate limit: try again later. */
const transient = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

export class Syncer {
  state: SyncState = { kind: 'idle' };
  private timer: unknown = null;
  private inflight = false;
  private again = false;
  private attempt = 0;
  private stopped = false;
  private listeners = new Set<() => void>();

  constructor(
    private readonly queue: EditQueue,
    private readonly send: (entries: PendingEdit[]) => Promise<EntryResult[]>,
    private readonly env: SyncEnv,
    private readonly debounceMs = 700,
  ) {}

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private set(state: SyncState) {
    this.state = state;
    for (const l of this.listeners) l();
  }

  private arm(ms: number) {
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** After an edit: send once typing pauses (unless a retry is already waiting). */
  edited() {
    if (this.stopped) return;
    if (this.state.kind === 'retrying') return;
    if (!this.env.isOnline()) {
      this.set({ kind: 'offline' });
      return;
    }
    this.arm(this.debounceMs);
  }

  /** The browser is back online, or the user asked: send now, forgetting the backoff. */
  now() {
    if (this.stopped) return;
    this.attempt = 0;
    if (this.state.kind === 'error' || this.state.kind === 'retrying' || this.state.kind === 'offline') this.set({ kind: 'idle' });
    this.arm(0);
  }

  wentOffline() {
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.size) this.set({ kind: 'offline' });
  }

  stop() {
    this.stopped = true;
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
  }

  /** After stop() (a remount of the page): work again, sending what is waiting. */
  resume() {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.queue.size) this.now();
  }

  async flush(): Promise<void> {
    if (this.stopped) return;
    if (this.inflight) {
      this.again = true;
      return;
    }
    const batch = this.queue.pending().slice(0, BATCH);
    if (!batch.length) {
      if (this.state.kind !== 'idle') this.set({ kind: 'idle' });
      return;
    }
    if (!this.env.isOnline()) {
      this.set({ kind: 'offline' });
      return;
    }
    this.inflight = true;
    this.set({ kind: 'syncing' });
    try {
      const results = await this.send(batch);
      this.queue.ack(results);
      this.attempt = 0;
      this.set({ kind: 'idle' });
      if (this.queue.size) this.again = true;
    } catch (e) {
      const status = (e as SendError)?.status ?? 0;
      if (transient(status)) {
        this.attempt++;
        const inMs = backoffMs(this.attempt);
        this.set(this.env.isOnline() ? { kind: 'retrying', inMs } : { kind: 'offline' });
        // Offline, the "online" event brings us back; the timer is a safety net.
        this.arm(inMs);
      } else {
        this.set({ kind: 'error', status, error: e });
      }
    } finally {
      this.inflight = false;
    }
    if (this.again && !this.stopped && this.state.kind === 'idle') {
      this.again = false;
      this.arm(0);
    }
  }
}
