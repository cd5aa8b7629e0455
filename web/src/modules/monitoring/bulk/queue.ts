/**
 * The bulk grid's persistent outbox. Every keystroke that yields a number is written here
 * first (localStorage: synchronous, so a reload or a crash right after typing loses nothing),
 * and only then sent. An entry leaves the outbox only when the server answered for its exact
 * clientId: a newer edit of the same cell typed while an older one was in flight stays.
 * Pure logic over a key-value store, so it is unit-tested without a browser.
 */

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type CellKey = string;
export const cellKey = (programId: string, kpiId: string): CellKey => `${programId}/${kpiId}`;

export interface PendingEdit {
  programId: string;
  kpiId: string;
  value: number | null;
  /** The server's value when the edit was typed: the server refuses to overwrite a change made since. */
  base: number | null;
  clientId: string;
  clientUpdatedAt: string;
}

export interface Conflict { mine: number | null; server: number | null }
export interface Rejection { value: number | null; reason: { id: string; en: string } }

export interface EntryResult {
  clientId: string;
  status: 'saved' | 'conflict' | 'rejected';
  programId: string;
  kpiId: string;
  serverValue: number | null;
  reason?: { id: string; en: string };
}

interface State {
  v: 1;
  pending: Record<CellKey, PendingEdit>;
  conflicts: Record<CellKey, Conflict>;
  rejected: Record<CellKey, Rejection>;
  /** The last value the server confirmed per cell (saved or reported), for `base` and display. */
  server: Record<CellKey, number | null>;
}

const empty = (): State => ({ v: 1, pending: {}, conflicts: {}, rejected: {}, server: {} });

let counter = 0;
/** A unique id per edit (the server's idempotency key). */
export function newClientId(now = Date.now()): string {
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().replaceAll('-', '') : Math.random().toString(36).slice(2);
  return `c${now.toString(36)}${(counter++).toString(36)}${rnd.slice(0, 12)}`;
}

export class EditQueue {
  private state: State;
  private listeners = new Set<() => void>();

  constructor(private readonly store: KeyValueStore, readonly storageKey: string) {
    this.state = EditQueue.read(store, storageKey);
  }

  private static read(store: KeyValueStore, key: string): State {
    try {
      const raw = store.getItem(key);
      const parsed = raw ? (JSON.parse(raw) as State) : null;
      return parsed?.v === 1 ? { ...empty(), ...parsed } : empty();
    } catch {
      return empty();
    }
  }

  private save() {
    try {
      this.store.setItem(this.storageKey, JSON.stringify(this.state));
    } catch {
      // A full or unavailable store: the edit stays in memory and is still sent.
    }
    for (const l of this.listeners) l();
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /**
   * The server's values of a grid: a fresh answer replaces what is known; a grid read from the
   * device's cache (offline) only fills gaps, since later saves already updated what is known.
   */
  loadServer(values: Record<CellKey, number | null>, fresh: boolean) {
    this.state.server = fresh ? { ...values } : { ...values, ...this.state.server };
    this.save();
  }

  serverValue(key: CellKey): number | null | undefined {
    return key in this.state.server ? this.state.server[key] : undefined;
  }

  /** Records an edit of a cell, replacing any unsent edit of it. Returns the edit. */
  put(programId: string, kpiId: string, value: number | null, now = new Date()): PendingEdit {
    const key = cellKey(programId, kpiId);
    const prior = this.state.pending[key];
    const conflict = this.state.conflicts[key];
    // Typing into a conflicted cell means "this is my value, over the server's".
    const base = conflict ? conflict.server : prior ? prior.base : (this.state.server[key] ?? null);
    const edit: PendingEdit = { programId, kpiId, value, base, clientId: newClientId(now.getTime()), clientUpdatedAt: now.toISOString() };
    this.state.pending[key] = edit;
    delete this.state.conflicts[key];
    delete this.state.rejected[key];
    this.save();
    return edit;
  }

  /** Accepts the server's value for a conflicted cell. */
  takeServer(key: CellKey) {
    const c = this.state.conflicts[key];
    if (!c) return;
    this.state.server[key] = c.server;
    delete this.state.conflicts[key];
    this.save();
  }

  dismissRejection(key: CellKey) {
    delete this.state.rejected[key];
    this.save();
  }

  pending(): PendingEdit[] {
    return Object.values(this.state.pending).sort((a, b) => a.clientUpdatedAt.localeCompare(b.clientUpdatedAt));
  }
  pendingOf(key: CellKey): PendingEdit | undefined { return this.state.pending[key]; }
  conflictOf(key: CellKey): Conflict | undefined { return this.state.conflicts[key]; }
  rejectionOf(key: CellKey): Rejection | undefined { return this.state.rejected[key]; }
  get size(): number { return Object.keys(this.state.pending).length; }
  get conflictCount(): number { return Object.keys(this.state.conflicts).length; }

  /** Applies the server's answers: only the edits they name (by clientId) leave the outbox. */
  ack(results: EntryResult[]) {
    for (const r of results) {
      const key = cellKey(r.programId, r.kpiId);
      const edit = this.state.pending[key];
      const current = edit?.clientId === r.clientId;
      if (r.status === 'saved') {
        this.state.server[key] = r.serverValue;
        if (current) delete this.state.pending[key];
        // A newer edit of the cell now builds on what was just saved.
        else if (edit) edit.base = r.serverValue;
      } else if (r.status === 'conflict' && current) {
        this.state.conflicts[key] = { mine: edit.value, server: r.serverValue };
        this.state.server[key] = r.serverValue;
        delete this.state.pending[key];
      } else if (r.status === 'rejected' && current) {
        this.state.rejected[key] = { value: edit.value, reason: r.reason ?? { id: 'Ditolak', en: 'Refused' } };
        this.state.server[key] = r.serverValue;
        delete this.state.pending[key];
      }
    }
    this.save();
  }
}
