import { startTransition, useEffect, useState } from 'react';
import { paths } from '../../../core/api/client.ts';
import type { QuickWin } from '../../../core/api/types.ts';
import { load } from '../../../core/api/useApi.ts';

/**
 * The quick wins of one dimension in the given years, with OPD and progress (and whether the
 * progress is illustrative), which the masterplan summary does not carry.
 */
export function usePillarQuickWins(code: string, dimension: string, years: number[]): QuickWin[] | undefined {
  const key = years.join(',');
  const [state, setState] = useState<{ key: string; data?: QuickWin[] }>({ key: '' });
  useEffect(() => {
    let live = true;
    const ys = key ? key.split(',').map(Number) : [];
    Promise.all(ys.map((y) => load<QuickWin[]>(paths.quickWins(code, y)))).then(
      (lists) => {
        if (live) startTransition(() => setState({ key, data: lists.flat().filter((q) => q.dimension === dimension) }));
      },
      () => undefined,
    );
    return () => { live = false; };
  }, [code, dimension, key]);
  return state.key === key ? state.data : undefined;
}
