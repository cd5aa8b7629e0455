import type { ApiErrorBody, Name, ProgramQuery } from './types.ts';

/** An HTTP error of the API, with its bilingual message when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly apiMessage: Name | null,
  ) {
    super(`${status} ${code}`);
  }
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
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiErrorBody | null;
    throw new ApiError(res.status, body?.error?.code ?? 'http', body?.error?.message ?? null);
  }
  return (await res.json()) as T;
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
} as const;
