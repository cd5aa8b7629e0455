import { lazy, Suspense } from 'react';
import { PageSkeleton } from '../../../core/ui/Skeleton.tsx';

// The bell and the page are their own small chunks (with their texts).
const Bell = lazy(() => import('./Bell.tsx'));
const Page = lazy(() => import('./NotificationsPage.tsx'));

export function NotificationBell() {
  return <Suspense fallback={null}><Bell /></Suspense>;
}

export function NotificationsRoute() {
  return <Suspense fallback={<PageSkeleton />}><Page /></Suspense>;
}
