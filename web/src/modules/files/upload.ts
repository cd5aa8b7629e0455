import { ApiError } from '../../core/api/client.ts';
import type { ApiErrorBody } from '../../core/api/types.ts';
import { loadMe } from '../../core/auth/me.ts';
import type { FileMeta } from './types.ts';

export const uploadUrl = (regionCode: string) => `/api/regions/${encodeURIComponent(regionCode)}/files`;

function send(url: string, file: File, csrf: string | null, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<FileMeta> {
  return new Promise((resolve, reject) => {
    // XMLHttpRequest, not fetch: only it reports upload progress (slow phone connections).
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status === 201) return resolve(body as FileMeta);
      const err = (body as ApiErrorBody | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? 'http', err?.message ?? null, err?.field));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', null));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Uploads one file with the session's CSRF token (refreshed once if stale, like apiWrite). */
export async function uploadFile(regionCode: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<FileMeta> {
  const url = uploadUrl(regionCode);
  const token = async (force: boolean) => (await loadMe(force).catch(() => null))?.csrfToken ?? null;
  try {
    return await send(url, file, await token(false), onProgress, signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 403 && e.code === 'csrf') return send(url, file, await token(true), onProgress, signal);
    throw e;
  }
}
