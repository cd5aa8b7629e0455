import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, apiWrite, asApiError, getJson } from '../../core/api/client.ts';
import { connPaths, type JobView, type Params, type Plan } from './api.ts';

export interface RunState {
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  message: string;
  /** The last plan computed, and the parameters it was computed for (kept while a new run goes on). */
  plan: Plan | null;
  planParams: Params | null;
  error: ApiError | null;
}

/**
 * Plans on the server as the parameters change: a job per run (debounced), long-polled for
 * progress; a newer run or the cancel button cancels the one still going.
 */
export function useRun(code: string, params: Params | null, debounceMs = 250) {
  const [state, setState] = useState<RunState>({ status: 'idle', progress: 0, message: '', plan: null, planParams: null, error: null });
  const seq = useRef(0);
  const job = useRef<string | null>(null);

  const stopCurrent = () => {
    const id = job.current;
    job.current = null;
    if (id) void apiWrite('DELETE', connPaths.job(id)).catch(() => undefined);
  };

  const start = useCallback(async (p: Params) => {
    const my = ++seq.current;
    stopCurrent();
    setState((s) => ({ ...s, status: 'running', progress: 0, message: '', error: null }));
    try {
      let view = await apiWrite<JobView>('POST', connPaths.jobs(code, 4000), p);
      if (seq.current !== my) { void apiWrite('DELETE', connPaths.job(view.id)).catch(() => undefined); return; }
      job.current = view.id;
      while (view.status === 'running') {
        setState((s) => ({ ...s, progress: view.progress, message: view.message }));
        view = await getJson<JobView>(connPaths.job(view.id, 700));
        if (seq.current !== my) return;
      }
      job.current = null;
      if (view.status === 'done' && view.plan) setState({ status: 'done', progress: 1, message: view.message, plan: view.plan, planParams: p, error: null });
      else if (view.status === 'cancelled') setState((s) => ({ ...s, status: 'cancelled' }));
      else setState((s) => ({ ...s, status: 'failed', error: new ApiError(400, view.error?.code ?? 'solver', view.error?.message ?? null, view.error?.field) }));
    } catch (e) {
      if (seq.current === my) setState((s) => ({ ...s, status: 'failed', error: asApiError(e) }));
    }
  }, [code]);

  const cancel = useCallback(() => {
    seq.current++;
    stopCurrent();
    setState((s) => ({ ...s, status: 'cancelled' }));
  }, []);

  const key = params ? JSON.stringify(params) : '';
  useEffect(() => {
    if (!params) return;
    const timer = window.setTimeout(() => void start(params), debounceMs);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, start, debounceMs]);

  useEffect(() => () => { seq.current++; stopCurrent(); }, []);

  return { ...state, run: () => params && void start(params), cancel };
}
