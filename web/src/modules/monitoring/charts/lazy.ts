import { lazy } from 'react';

/** Chart.js and Leaflet load only through these lazy components. */
export const SeriesChart = lazy(() => import('./SeriesChart.tsx'));
export const LateMap = lazy(() => import('./LateMap.tsx'));
