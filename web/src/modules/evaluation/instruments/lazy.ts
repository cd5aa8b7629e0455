import { lazy } from 'react';

/** The instruments page of the console: its own chunk, for the national admin only. */
export const InstrumentsPage = lazy(() => import('./InstrumentsPage.tsx'));
