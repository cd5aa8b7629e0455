import { lazy, Suspense } from 'react';
import { PageSkeleton } from '../../../core/ui/Skeleton.tsx';
import type { Access } from '../../admin/core/access.ts';

// The console loads monitoring (its pages, texts and charts) only when it is opened.
const Console = lazy(() => import('./MonitoringConsole.tsx'));
const Report = lazy(() => import('./ReportPage.tsx'));

export function MonitoringSection({ code, access }: { code: string; access: Access }) {
  return <Suspense fallback={<PageSkeleton />}><Console code={code} access={access} /></Suspense>;
}

export function ReportRoute({ id }: { id: string }) {
  return <Suspense fallback={<PageSkeleton />}><Report id={id} /></Suspense>;
}
