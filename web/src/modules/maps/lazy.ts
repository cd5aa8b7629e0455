import { lazy } from 'react';

/** Leaflet is only ever loaded through these lazy components. */
export const NationalMap = lazy(() => import('./NationalMap.tsx'));
export const ProgramMap = lazy(() => import('./ProgramMap.tsx'));
