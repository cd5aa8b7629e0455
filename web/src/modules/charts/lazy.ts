import { lazy } from 'react';

/** Chart.js is only ever loaded through this lazy component. */
export const KpiChart = lazy(() => import('./KpiChart.tsx'));
