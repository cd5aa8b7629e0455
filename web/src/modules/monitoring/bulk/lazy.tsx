import { lazy, Suspense } from 'react';
import { PageSkeleton } from '../../../core/ui/Skeleton.tsx';

// The grid, its texts and styles load only when the page is opened.
const BulkPage = lazy(() => import('./BulkPage.tsx'));

export function BulkEntry({ code }: { code: string }) {
  return <Suspense fallback={<PageSkeleton />}><BulkPage code={code} /></Suspense>;
}
