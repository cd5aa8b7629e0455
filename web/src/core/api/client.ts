import type { ApiErrorBody, Name, ProgramQuery } from './types.ts';

/** An HTTP error of the API, with its bilingual message when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly apiMessage: Name | null,
    /** The offending input named by the server (e.g. `title`, `budgets.1.year`). */
    readonly field?: string,
  ) {
    super(`${status} ${code}`);
  }
}

/** Any failure of a request as an ApiError (a thrown TypeError means the network failed). */
export const asApiError = (err: unknown): ApiError => (err instanceof ApiError ? err : new ApiError(0, 'network', null));

/** An ApiError from a failed response (its JSON error body when there is one). */
async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
  return new ApiError(res.status, body?.error?.code ?? 'http', body?.error?.message ?? null, body?.error?.field);
}

const enc = encodeURIComponent;

function query(params: Record<string, string | number | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

declare global {
  interface Window { __pilarPrefetch?: Record<string, Promise<Response>> }
}

/** A request index.html already started for this path (each is used once). */
function takePrefetched(path: string): Promise<Response> | undefined {
  const pre = window.__pilarPrefetch?.[path];
  if (pre) delete window.__pilarPrefetch![path];
  return pre;
}

/** GET a JSON document from the API; throws ApiError on a non-2xx answer or network failure. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    const pre = takePrefetched(path);
    res = await (pre ? pre.catch(() => fetch(path, { headers: { accept: 'application/json' }, signal })) : fetch(path, { headers: { accept: 'application/json' }, signal }));
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', null);
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}

/** Where apiWrite gets the CSRF token of the session (set by core/auth/me.ts). */
let csrfSource: { get(): Promise<string | null>; refresh(): Promise<string | null> } = {
  get: async () => null,
  refresh: async () => null,
};
export function setCsrfSource(source: typeof csrfSource) {
  csrfSource = source;
}

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A write to the API with the session's `x-csrf-token` and a JSON body; returns the JSON
 * answer (undefined for 204). Throws ApiError (with `field` when the server names one).
 * A stale CSRF token (403 `csrf`, e.g. after the session was renewed) is refreshed once.
 */
export async function apiWrite<T = unknown>(method: WriteMethod, path: string, body?: unknown): Promise<T> {
  const send = async (token: string | null) => {
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
    if (token) headers['x-csrf-token'] = token;
    try {
      return await fetch(path, { method, headers, credentials: 'same-origin', body: JSON.stringify(body ?? {}) });
    } catch {
      throw new ApiError(0, 'network', null);
    }
  };
  let res = await send(await csrfSource.get());
  if (res.status === 403) {
    const err = await errorOf(res.clone());
    if (err.code === 'csrf') res = await send(await csrfSource.refresh());
  }
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Paths of the API (docs/api.md). Each returns the URL; fetch them through useApi/getJson. */
export const paths = {
  config: () => '/api/config',
  framework: () => '/api/framework',
  participants: () => '/api/participants',
  regencyGeo: () => '/api/geo/regencies',
  region: (code: string) => `/api/regions/${enc(code)}`,
  children: (code: string, level?: 'district' | 'village') => `/api/regions/${enc(code)}/children${query({ level })}`,
  regionGeo: (code: string, level: 'self' | 'district' | 'village') => `/api/regions/${enc(code)}/geo${query({ level })}`,
  masterplan: (code: string) => `/api/regions/${enc(code)}/masterplan`,
  programs: (code: string, q: ProgramQuery = {}) => `/api/regions/${enc(code)}/programs${query(q)}`,
  quickWins: (code: string, year?: number) => `/api/regions/${enc(code)}/quick-wins${query({ year })}`,
  opds: (code: string) => `/api/regions/${enc(code)}/opds`,
  program: (id: string) => `/api/programs/${enc(id)}`,
  opd: (id: string) => `/api/opds/${enc(id)}`,
  // Accounts, roles, editing (issue 4)
  me: () => '/api/me',
  dashboard: () => '/api/me/dashboard',
  login: () => '/api/auth/login',
  logout: () => '/api/auth/logout',
  password: () => '/api/auth/password',
  totpSetup: () => '/api/auth/totp/setup',
  totpEnable: () => '/api/auth/totp/enable',
  totpDisable: () => '/api/auth/totp/disable',
  masterplans: () => '/api/masterplans',
  masterplanById: (id: string) => `/api/masterplans/${enc(id)}`,
  readiness: (masterplanId: string) => `/api/masterplans/${enc(masterplanId)}/readiness`,
  opdWrite: () => '/api/opds',
  programWrite: () => '/api/programs',
  programHistory: (id: string) => `/api/programs/${enc(id)}/history`,
  programRestore: (id: string) => `/api/programs/${enc(id)}/restore`,
  kpis: () => '/api/kpis',
  kpi: (id: string) => `/api/kpis/${enc(id)}`,
  quickWinWrite: () => '/api/quick-wins',
  quickWin: (id: string) => `/api/quick-wins/${enc(id)}`,
  changes: (code: string, status: 'pending' | 'approved' | 'rejected') => `/api/regions/${enc(code)}/changes${query({ status })}`,
  approve: (id: string) => `/api/changes/${enc(id)}/approve`,
  reject: (id: string) => `/api/changes/${enc(id)}/reject`,
  users: (code: string) => `/api/regions/${enc(code)}/users`,
  userWrite: () => '/api/users',
  user: (id: string) => `/api/users/${enc(id)}`,
  resetPassword: (id: string) => `/api/users/${enc(id)}/reset-password`,
  tokens: () => '/api/tokens',
  token: (id: string) => `/api/tokens/${enc(id)}`,
  audit: (region: string, limit: number, offset: number) => `/api/audit${query({ region, limit, offset })}`,
  auditCsv: (region: string) => `/api/audit.csv${query({ region })}`,
} as const;
