import { lazy } from 'react';

/** Chart.js loads only with these lazy components (its own chunk). */
export const RadarChart = lazy(() => import('./EvalCharts.tsx').then((m) => ({ default: m.RadarChart })));
export const ComponentBars = lazy(() => import('./EvalCharts.tsx').then((m) => ({ default: m.ComponentBars })));
export const YearLine = lazy(() => import('./EvalCharts.tsx').then((m) => ({ default: m.YearLine })));
export const CHART_COLORS = { self: '#9a6b00', validated: '#0b4f6c', previous: '#6b7280' };
