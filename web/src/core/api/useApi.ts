import { startTransition, useEffect, useState } from 'react';
import { ApiError, asApiError, getJson } from './client.ts';

type Entry = { promise: Promise<unknown>; value?: unknown; error?: unknown };
const cache = new Map<string, Entry>();
const MAX_ENTRIES = 120;

/** Fetch a path once and share the answer between components (errors are not cached). */
export function load<T>(path: string): Promise<T> {
  let entry = cache.get(path);
  if (!entry) {
    const e: Entry = { promise: Promise.resolve() };
    e.promise = getJson<T>(path).then(
      (v) => { e.value = v; return v; },
      (err: unknown) => { cache.delete(path); throw err; },
    );
    cache.set(path, e);
    entry = e;
    if (cache.size > MAX_ENTRIES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  return entry.promise as Promise<T>;
}

export type ApiState<T> = { data: T | undefined; error: ApiError | undefined; loading: boolean };

/**
 * Data of one API path for a component; `null` means "nothing to fetch yet".
 * Answers already in the cache are returned on the first render (no skeleton flash).
 */
export function useApi<T>(path: string | null, opts: { keepPrevious?: boolean } = {}): ApiState<T> {
  const cached = path ? cache.get(path) : undefined;
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError }>(() => ({
    path, data: cached?.value as T | undefined,
  }));
  useEffect(() => {
    if (!path) return;
    let live = true;
    const hit = cache.get(path);
    if (hit && 'value' in hit) {
      setState((s) => (s.path === path && s.data === hit.value ? s : { path, data: hit.value as T }));
      return;
    }
    // Rendering a page's data is a transition: React renders it in slices, so a big page
    // never blocks the main thread in one long task (keeps phones responsive).
    load<T>(path).then(
      (data) => { if (live) startTransition(() => setState({ path, data })); },
      (error: unknown) => {
        if (live) startTransition(() => setState({ path, error: asApiError(error) }));
      },
    );
    return () => { live = false; };
  }, [path]);
  if (!path) return { data: undefined, error: undefined, loading: false };
  if (state.path !== path) {
    const hit = cache.get(path);
    if (hit && 'value' in hit) return { data: hit.value as T, error: undefined, loading: false };
    return { data: opts.keepPrevious ? state.data : undefined, error: undefined, loading: true };
  }
  return { data: state.data, error: state.error, loading: state.data === undefined && !state.error };
}

/**
 * Forget cached answers (all, or those whose path starts with `prefix`): after logging in or
 * out, and after a write, so pages show what the server now says.
 */
export function clearApiCache(prefix = '') {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}
