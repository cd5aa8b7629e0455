import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Layout } from './core/layout/Layout.tsx';
import { NotFound } from './core/ui/ErrorState.tsx';
import { PageSkeleton } from './core/ui/Skeleton.tsx';
import { LoginPage } from './modules/auth/LoginPage.tsx';
import { NationalPage } from './modules/portal/national/NationalPage.tsx';
import { OpdPage } from './modules/portal/opd/OpdPage.tsx';
import { PillarPage } from './modules/portal/pillar/PillarPage.tsx';
import { ProgramPage } from './modules/portal/program/ProgramPage.tsx';
import { ProgramListPage } from './modules/portal/programs/ProgramListPage.tsx';
import { RegionPage } from './modules/portal/region/RegionPage.tsx';
import { NationalResultsPage, RegionLatestResult, RegionResultPage, WhatIfPage } from './modules/evaluation/lazy.ts';

// The admin console (forms, zod rules, its texts) is its own chunk: the portal never loads it.
const AdminApp = lazy(() => import('./modules/admin/AdminApp.tsx'));

/** Routes of the public portal (paths are Indonesian: wilayah = region, pilar = pillar), login and console. */
export function App() {
  return (
    <Layout>
      <Switch>
        <Route path="/" component={NationalPage} />
        <Route path="/wilayah/:code">{(p) => <RegionPage key={p.code} code={p.code} />}</Route>
        <Route path="/wilayah/:code/pilar/:dimension">{(p) => <PillarPage key={`${p.code}/${p.dimension}`} code={p.code} dimension={p.dimension} />}</Route>
        <Route path="/wilayah/:code/program">{(p) => <ProgramListPage key={p.code} code={p.code} />}</Route>
        <Route path="/wilayah/:code/evaluasi/:year">{(p) => <Suspense fallback={<PageSkeleton />}><RegionResultPage key={`${p.code}/${p.year}`} code={p.code} year={p.year} /></Suspense>}</Route>
        <Route path="/wilayah/:code/evaluasi">{(p) => <Suspense fallback={<PageSkeleton />}><RegionLatestResult key={p.code} code={p.code} /></Suspense>}</Route>
        <Route path="/evaluasi/kalkulator">{() => <Suspense fallback={<PageSkeleton />}><WhatIfPage /></Suspense>}</Route>
        <Route path="/evaluasi">{() => <Suspense fallback={<PageSkeleton />}><NationalResultsPage /></Suspense>}</Route>
        <Route path="/program/:id">{(p) => <ProgramPage key={p.id} id={p.id} />}</Route>
        <Route path="/opd/:id">{(p) => <OpdPage key={p.id} id={p.id} />}</Route>
        <Route path="/masuk" component={LoginPage} />
        <Route path="/admin" nest>
          <Suspense fallback={<PageSkeleton />}><AdminApp /></Suspense>
        </Route>
        <Route component={NotFound} />
      </Switch>
    </Layout>
  );
}
