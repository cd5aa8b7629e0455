import { lazy, Suspense } from 'react';
import { PageSkeleton } from '../../core/ui/Skeleton.tsx';

// The planner (and Leaflet) load only when the section is opened.
const PlannerPage = lazy(() => import('./PlannerPage.tsx'));

export function ConnectivityPlanner({ code }: { code: string }) {
  return <Suspense fallback={<PageSkeleton />}><PlannerPage code={code} /></Suspense>;
}
