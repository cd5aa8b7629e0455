import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, asApiError } from '../../../core/api/client.ts';

export type Live<T> = {
  data: T | undefined; error: ApiError | undefined; loading: boolean;
  /** Ask the server again (keeps showing the current data meanwhile). */
  reload: () => Promise<T | undefined>;
  /** Replace the data locally (e.g. with what a write answered). */
  setData: (d: T) => void;
};

async function fetchFresh<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin', signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', null);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: { id: string; en: string }; field?: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? 'http', body?.error?.message ?? null, body?.error?.field);
  }
  return (await res.json()) as T;
}

/**
 * Data of the console, always fresh from the server (never the portal's shared cache: an
 * editor must start from the current version). `null` = nothing to fetch.
 */
export function useLive<T>(path: string | null): Live<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError; loading: boolean }>({ path, loading: Boolean(path) });
  const current = useRef(path);
  current.current = path;

  const run = useCallback(async (p: string, signal?: AbortSignal): Promise<T | undefined> => {
    setState((s) => ({ ...(s.path === p ? s : { path: p }), path: p, loading: true }));
    try {
      const data = await fetchFresh<T>(p, signal);
      if (current.current === p) setState({ path: p, data, loading: false });
      return data;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return undefined;
      if (current.current === p) setState((s) => ({ path: p, data: s.path === p ? s.data : undefined, error: asApiError(e), loading: false }));
      return undefined;
    }
  }, []);

  useEffect(() => {
    if (!path) return;
    const ctl = new AbortController();
    void run(path, ctl.signal);
    return () => ctl.abort();
  }, [path, run]);

  const reload = useCallback(async () => (current.current ? run(current.current) : undefined), [run]);
  const setData = useCallback((d: T) => setState((s) => ({ ...s, data: d, error: undefined })), []);
  const same = state.path === path;
  return {
    data: same ? state.data : undefined,
    error: same ? state.error : undefined,
    loading: Boolean(path) && (!same || state.loading),
    reload,
    setData,
  };
}
