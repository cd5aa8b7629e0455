import { describe, expect, test } from 'vitest';
import { formatInput, parseNumber } from './number.ts';
import { EditQueue, cellKey, type KeyValueStore } from './queue.ts';
import { Syncer, backoffMs } from './sync.ts';

class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
  removeItem(k: string) { this.data.delete(k); }
}

describe('parseNumber', () => {
  test.each([
    ['12', 12], ['12,5', 12.5], ['12.5', 12.5], ['1.250.000', 1250000], ['1.250.000,75', 1250000.75], ['1,250,000.5', 1250000.5],
    ['-3', -3], [' 7 ', 7], ['', null], ['  ', null], ['abc', undefined], ['1,2,3', undefined], ['1e5', undefined], ['12,', undefined],
  ])('%j → %j', (input, out) => expect(parseNumber(input)).toBe(out));
  test('round trip through the Indonesian input format', () => {
    expect(parseNumber(formatInput(1234.5, 'id'))).toBe(1234.5);
    expect(parseNumber(formatInput(1234.5, 'en'))).toBe(1234.5);
  });
});

describe('EditQueue', () => {
  const K = cellKey('p', 'k');
  test('every edit is stored at once and survives a new queue over the same store (a reload)', () => {
    const store = new MemoryStore();
    const q = new EditQueue(store, 'x');
    q.loadServer({ [K]: 5 }, true);
    q.put('p', 'k', 7);
    const again = new EditQueue(store, 'x');
    expect(again.pendingOf(K)).toMatchObject({ value: 7, base: 5 });
    expect(again.size).toBe(1);
  });
  test('only the answered edit leaves; a newer edit of the cell stays and builds on the saved value', () => {
    const q = new EditQueue(new MemoryStore(), 'x');
    q.loadServer({ [K]: 1 }, true);
    const first = q.put('p', 'k', 2);
    const second = q.put('p', 'k', 3);
    expect(second.base).toBe(1);
    q.ack([{ clientId: first.clientId, status: 'saved', programId: 'p', kpiId: 'k', serverValue: 2 }]);
    expect(q.pendingOf(K)).toMatchObject({ value: 3, base: 2, clientId: second.clientId });
    q.ack([{ clientId: second.clientId, status: 'saved', programId: 'p', kpiId: 'k', serverValue: 3 }]);
    expect(q.size).toBe(0);
    expect(q.serverValue(K)).toBe(3);
  });
  test('a conflict keeps both values until the user chooses; typing again means "mine"', () => {
    const q = new EditQueue(new MemoryStore(), 'x');
    q.loadServer({ [K]: 1 }, true);
    const e = q.put('p', 'k', 2);
    q.ack([{ clientId: e.clientId, status: 'conflict', programId: 'p', kpiId: 'k', serverValue: 9 }]);
    expect(q.conflictOf(K)).toEqual({ mine: 2, server: 9 });
    expect(q.size).toBe(0);
    const mine = q.put('p', 'k', 2);
    expect(mine.base).toBe(9);
    expect(q.conflictOf(K)).toBeUndefined();
  });
  test('a grid read from the device cache does not roll back values saved since', () => {
    const store = new MemoryStore();
    const q = new EditQueue(store, 'x');
    q.loadServer({ [K]: 1 }, true);
    const e = q.put('p', 'k', 2);
    q.ack([{ clientId: e.clientId, status: 'saved', programId: 'p', kpiId: 'k', serverValue: 2 }]);
    const reloaded = new EditQueue(store, 'x');
    reloaded.loadServer({ [K]: 1 }, false);
    expect(reloaded.put('p', 'k', 3).base).toBe(2);
  });
});

describe('Syncer', () => {
  function harness(online = true) {
    const timers: { fn: () => void; ms: number; id: number }[] = [];
    let id = 0;
    const env = {
      online,
      isOnline: () => env.online,
      setTimeout: (fn: () => void, ms: number) => { timers.push({ fn, ms, id: ++id }); return id; },
      clearTimeout: (h: unknown) => { const i = timers.findIndex((t) => t.id === h); if (i >= 0) timers.splice(i, 1); },
    };
    const q = new EditQueue(new MemoryStore(), 'x');
    const sent: string[][] = [];
    let fail: number | null = null;
    const s = new Syncer(q, async (entries) => {
      sent.push(entries.map((e) => e.clientId));
      if (fail !== null) throw { status: fail };
      return entries.map((e) => ({ clientId: e.clientId, status: 'saved' as const, programId: e.programId, kpiId: e.kpiId, serverValue: e.value }));
    }, env, 500);
    const fire = async () => {
      const t = timers.shift();
      if (!t) throw new Error('no timer');
      t.fn();
      await new Promise((r) => setTimeout(r, 0));
      return t.ms;
    };
    return { env, q, s, sent, timers, fire, failWith: (st: number | null) => { fail = st; } };
  }

  test('debounced send; nothing left afterwards', async () => {
    const h = harness();
    h.q.put('p', 'a', 1);
    h.s.edited();
    h.q.put('p', 'b', 2);
    h.s.edited();
    expect(h.timers).toHaveLength(1);
    expect(await h.fire()).toBe(500);
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]).toHaveLength(2);
    expect(h.q.size).toBe(0);
    expect(h.s.state.kind).toBe('idle');
  });

  test('offline: waits for the online event; the server unreachable: backoff 1 s, 2 s, 4 s; then syncs', async () => {
    const h = harness(false);
    h.q.put('p', 'a', 1);
    h.s.edited();
    expect(h.s.state.kind).toBe('offline');
    expect(h.sent).toHaveLength(0);
    h.env.online = true;
    h.failWith(0);
    h.s.now();
    await h.fire();
    expect(h.s.state).toEqual({ kind: 'retrying', inMs: 1000 });
    expect(await h.fire()).toBe(1000);
    expect(await h.fire()).toBe(2000);
    expect(h.timers[0]!.ms).toBe(4000);
    h.failWith(null);
    await h.fire();
    expect(h.q.size).toBe(0);
    expect(h.s.state.kind).toBe('idle');
    expect(backoffMs(10)).toBe(30_000);
  });

  test('a refusal of the whole request stops retrying and keeps the entries', async () => {
    const h = harness();
    h.q.put('p', 'a', 1);
    h.failWith(401);
    h.s.edited();
    await h.fire();
    expect(h.s.state.kind).toBe('error');
    expect(h.timers).toHaveLength(0);
    expect(h.q.size).toBe(1);
  });
});
