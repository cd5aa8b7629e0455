import { useEffect, useSyncExternalStore } from 'react';
import { ApiError, apiWrite, asApiError, paths, setCsrfSource } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { clearApiCache } from '../api/useApi.ts';

/**
 * Who is logged in (GET /api/me), fetched once per page load and shared by every component.
 * Logging in or out replaces it and clears the API cache (logged-in region users also see
 * unpublished programs).
 */
type State = { me: Me | undefined; error: ApiError | undefined };
let state: State = { me: undefined, error: undefined };
let inflight: Promise<Me> | null = null;
const listeners = new Set<() => void>();

function set(next: State) {
  state = next;
  for (const l of listeners) l();
}

async function fetchMe(): Promise<Me> {
  let res: Response;
  try {
    res = await fetch(paths.me(), { headers: { accept: 'application/json' }, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', null);
  }
  if (!res.ok) throw new ApiError(res.status, 'http', null);
  return (await res.json()) as Me;
}

/** The current Me (fetched on first use; `force` asks the server again). */
export function loadMe(force = false): Promise<Me> {
  if (!force && state.me) return Promise.resolve(state.me);
  if (!force && inflight) return inflight;
  const p = fetchMe().then(
    (me) => {
      if (inflight === p) inflight = null;
      set({ me, error: undefined });
      return me;
    },
    (error: unknown) => {
      if (inflight === p) inflight = null;
      const e = asApiError(error);
      set({ me: state.me, error: e });
      throw e;
    },
  );
  inflight = p;
  return p;
}

setCsrfSource({
  get: async () => (await loadMe().catch(() => null))?.csrfToken ?? null,
  refresh: async () => (await loadMe(true).catch(() => null))?.csrfToken ?? null,
});

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => state;

/** The current user's Me; `me` is undefined until the first answer arrives. */
export function useMe(): State & { loading: boolean } {
  const s = useSyncExternalStore(subscribe, snapshot, snapshot);
  useEffect(() => {
    if (!state.me && !inflight) loadMe().catch(() => undefined);
  }, []);
  return { ...s, loading: !s.me && !s.error };
}

export type LoginInput = { email: string; password: string; totp?: string };

/** POST /api/auth/login; the answer is the new Me (throws ApiError, e.g. 401 `totp_required`). */
export async function login(input: LoginInput): Promise<Me> {
  // A login needs no CSRF token (there is no session yet), but a stale session may have one.
  const me = await apiWrite<Partial<Me>>('POST', paths.login(), input);
  clearApiCache();
  // The answer may be less than a full Me (e.g. without `can`): then ask /api/me.
  if (me?.user && me.csrfToken && me.can) {
    set({ me: me as Me, error: undefined });
    return me as Me;
  }
  return loadMe(true);
}

export async function logout(): Promise<void> {
  try {
    await apiWrite('POST', paths.logout());
  } finally {
    clearApiCache();
    set({ me: { user: null, csrfToken: null, can: { editRegions: [], decideRegions: [], manageUsersRegions: [], auditRegions: [], allRegions: false } }, error: undefined });
    void loadMe(true).catch(() => undefined);
  }
}
