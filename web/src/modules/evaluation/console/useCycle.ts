import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from '../../../core/api/client.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { evalPaths, type CycleView } from '../api.ts';

/** The cycle as the console works on it: always fresh from the server, reloaded after every write. */
export function useCycle(code: string, year: number) {
  const [data, setData] = useState<CycleView | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    getJson<CycleView>(evalPaths.cycle(code, year)).then(
      (v) => { if (live) { setData(v); setError(undefined); } },
      (e: unknown) => { if (live) setError(e instanceof ApiError ? e : new ApiError(0, 'network', null)); },
    );
    return () => { live = false; };
  }, [code, year, tick]);
  const reload = useCallback(() => {
    // The portal's cached reads of this region's evaluations are stale after a write.
    clearApiCache(`/api/regions/${code}/evaluations`);
    clearApiCache('/api/evaluation/results');
    setTick((n) => n + 1);
  }, [code]);
  return { data, error, reload };
}
