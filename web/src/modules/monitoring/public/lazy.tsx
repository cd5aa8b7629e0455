import { lazy, Suspense } from 'react';

// Public monitoring sections load after the page itself (own chunk, texts and charts): the
// portal's first JavaScript stays small.
const Program = lazy(() => import('./ProgramMonitoring.tsx'));
const Region = lazy(() => import('./RegionMonitoring.tsx'));

/** Approved progress of a program, for its public page. */
export function ProgramMonitoringSection({ id }: { id: string }) {
  return <Suspense fallback={null}><Program id={id} /></Suspense>;
}

/** Approved progress of a region, for its public page. */
export function RegionMonitoringSection({ code }: { code: string }) {
  return <Suspense fallback={null}><Region code={code} /></Suspense>;
}
