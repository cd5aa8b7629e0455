import { lazy } from 'react';

/** The evaluation pages, each its own chunk (the portal's first load never carries them). */
export const RegionResultPage = lazy(() => import('./public/RegionResultPage.tsx'));
export const RegionLatestResult = lazy(() => import('./public/RegionResultPage.tsx').then((m) => ({ default: m.RegionLatestResult })));
export const NationalResultsPage = lazy(() => import('./public/NationalResultsPage.tsx'));
export const WhatIfPage = lazy(() => import('./public/WhatIfPage.tsx'));
export const EvaluationConsole = lazy(() => import('./console/EvaluationConsole.tsx'));
export const CycleWorkspace = lazy(() => import('./console/CycleWorkspace.tsx'));
