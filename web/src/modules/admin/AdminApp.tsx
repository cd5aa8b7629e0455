import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { useParticipants } from '../../core/api/hooks.ts';
import type { Me } from '../../core/api/types.ts';
import { useMe } from '../../core/auth/me.ts';
import { Alert } from '../../core/ui/form.tsx';
import { ErrorState } from '../../core/ui/ErrorState.tsx';
import { PageSkeleton } from '../../core/ui/Skeleton.tsx';
import { AccountPage } from './account/AccountPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { ChangesPage } from './changes/ChangesPage.tsx';
import { accessTo, homeRegions, type Access } from './core/access.ts';
import { useAdminI18n } from './core/i18n.ts';
import { DashboardPage } from './dashboard/DashboardPage.tsx';
import { MasterplanPage } from './masterplan/MasterplanPage.tsx';
import { OpdsPage } from './opds/OpdsPage.tsx';
import { ProgramEditor } from './programs/ProgramEditor.tsx';
import { ProgramHistory } from './programs/ProgramHistory.tsx';
import { ProgramsPage } from './programs/ProgramsPage.tsx';
import { QuickWinsPage } from './quickwins/QuickWinsPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';
import { BulkEntry } from '../monitoring/bulk/lazy.tsx';
import { NotificationBell, NotificationsRoute } from '../monitoring/notifications/lazy.tsx';
import { MonitoringSection, ReportRoute } from '../monitoring/console/lazy.tsx';
import { ConnectivityPlanner } from '../connectivity/lazy.tsx';
import { CycleWorkspace, EvaluationConsole } from '../evaluation/lazy.ts';
import { InstrumentsPage } from '../evaluation/instruments/lazy.ts';

const REGION_KEY = 'pilar.admin.region';
type Section = 'masterplan' | 'program' | 'persetujuan' | 'quick-win' | 'opd' | 'pengguna' | 'audit' | 'konektivitas' | 'evaluasi' | 'monitoring' | 'isian-cepat';
/** Text key of each section (URLs are Indonesian, keys are identifiers). */
const NAV_KEY = {
  masterplan: 'masterplan', program: 'program', persetujuan: 'approvals', 'quick-win': 'quickWins', opd: 'opds', pengguna: 'users', audit: 'audit', 'isian-cepat': 'bulkEntry', konektivitas: 'connectivity', evaluasi: 'evaluation', monitoring: 'monitoring',
} as const satisfies Record<Section, string>;

/** Which console sections this user sees for a region (the server checks again). */
function sections(a: Access | null): Section[] {
  if (!a?.view) return [];
  const out: Section[] = [];
  if (a.edit) out.push('masterplan');
  out.push('program');
  if (a.edit || a.propose) out.push('isian-cepat');
  out.push('monitoring');
  if (a.decide) out.push('persetujuan');
  if (a.edit) out.push('quick-win');
  if (a.opds) out.push('opd');
  if (a.users) out.push('pengguna');
  if (a.audit) out.push('audit');
  if (a.edit) out.push('konektivitas');
  // Evaluation: the region's editors, its assessors and the council (OPD officers take no part).
  if (a.edit || a.user.role === 'assessor' || a.user.role === 'council') out.push('evaluasi');
  return out;
}

function storedRegion(): string | null {
  try {
    return localStorage.getItem(REGION_KEY);
  } catch {
    return null;
  }
}

/** The region the console works on: from the URL, else the last one chosen, else the user's own. */
function useRegion(me: Me): [string | null, (code: string) => void] {
  const [location] = useLocation();
  const fromUrl = location.match(/^\/wilayah\/([\d.]+)/)?.[1] ?? null;
  const own = homeRegions(me);
  const admin = me.user?.role === 'national_admin';
  const [chosen, setChosen] = useState<string | null>(() => {
    const s = storedRegion();
    return s && (admin || own.includes(s)) ? s : own[0] ?? null;
  });
  const participants = useParticipants();
  const fallback = admin && !chosen ? participants.data?.[0]?.code ?? null : null;
  useEffect(() => {
    if (fromUrl && fromUrl !== chosen) setChosen(fromUrl);
  }, [fromUrl, chosen]);
  useEffect(() => {
    try {
      if (chosen) localStorage.setItem(REGION_KEY, chosen);
    } catch { /* private mode */ }
  }, [chosen]);
  return [fromUrl ?? chosen ?? fallback, setChosen];
}

function RegionPicker({ me, region, onChange }: { me: Me; region: string | null; onChange: (code: string) => void }) {
  const { t } = useAdminI18n();
  const participants = useParticipants();
  const admin = me.user?.role === 'national_admin';
  const own = homeRegions(me);
  const codes = admin ? (participants.data ?? []).map((p) => p.code) : own;
  const name = (code: string) => participants.data?.find((p) => p.code === code)?.name ?? code;
  if (codes.length <= 1) return region ? <p className="admin-region">{name(region)}</p> : null;
  return (
    <div className="field admin-region-pick">
      <label htmlFor="admin-region">{t('shell.region')}</label>
      <select id="admin-region" value={region ?? ''} onChange={(e) => onChange(e.target.value)}>
        {codes.map((c) => <option key={c} value={c}>{name(c)}</option>)}
      </select>
    </div>
  );
}

function Nav({ region, access }: { region: string | null; access: Access | null }) {
  const { t } = useAdminI18n();
  const [location] = useLocation();
  const items: { href: string; label: string }[] = [{ href: '/', label: t('shell.nav.dashboard') }];
  for (const s of sections(access)) items.push({ href: `/wilayah/${region}/${s}`, label: t(`shell.nav.${NAV_KEY[s]}`) });
  // Evaluation instruments are national: the national admin's page, outside any region.
  if (access?.user.role === 'national_admin') items.push({ href: '/instrumen', label: t('shell.nav.instruments') });
  items.push({ href: '/akun', label: t('shell.nav.account') });
  const current = (href: string) => (href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`)
    || (href.endsWith('/program') && location.startsWith('/program/')));
  const list = useRef<HTMLUListElement>(null);
  // On phones the menu is one scrolling row: keep the current item in view.
  useEffect(() => {
    const ul = list.current;
    const a = ul?.querySelector<HTMLElement>('[aria-current="page"]');
    if (ul && a && ul.scrollWidth > ul.clientWidth) ul.scrollLeft = a.offsetLeft - (ul.clientWidth - a.offsetWidth) / 2;
  }, [location]);
  return (
    <nav className="admin-nav" aria-label={t('shell.navLabel')}>
      <ul ref={list}>
        {items.map((i) => (
          <li key={i.href}><Link href={i.href} aria-current={current(i.href) ? 'page' : undefined}>{i.label}</Link></li>
        ))}
      </ul>
    </nav>
  );
}

/** A region page, or a message when this user may not open that section. */
function RegionRoute({ me, code, section, children }: { me: Me; code: string; section: Section; children: (a: Access) => ReactNode }) {
  const { t } = useAdminI18n();
  const access = accessTo(me, code);
  if (!access || !sections(access).includes(section)) {
    return <Alert kind="warning" title={t('shell.forbiddenTitle')}><p>{t('shell.forbidden')}</p></Alert>;
  }
  return <>{children(access)}</>;
}

function Shell({ me }: { me: Me }) {
  const { t } = useAdminI18n();
  const [region, setRegion] = useRegion(me);
  const [location, navigate] = useLocation();
  const access = region ? accessTo(me, region) : null;
  const changeRegion = (code: string) => {
    setRegion(code);
    const m = location.match(/^\/wilayah\/[\d.]+(\/.*)?$/);
    if (m) navigate(`/wilayah/${code}${m[1] ?? ''}`);
  };
  const R = (section: Section, render: (code: string, a: Access) => ReactNode) => (params: { code: string }) => (
    <RegionRoute me={me} code={params.code} section={section}>{(a) => render(params.code, a)}</RegionRoute>
  );
  return (
    <div className="admin">
      <aside className="admin-side">
        <p className="admin-label">{t('shell.title')}</p>
        <RegionPicker me={me} region={region} onChange={changeRegion} />
        <Nav region={region} access={access} />
        <NotificationBell />
      </aside>
      <div className="admin-main">
        {me.user?.mustChangePassword && location !== '/akun' && (
          <Alert kind="warning"><p>{t('shell.mustChange')} <Link href="/akun">{t('shell.toAccount')}</Link></p></Alert>
        )}
        <Switch>
          <Route path="/"><DashboardPage me={me} region={region} /></Route>
          <Route path="/akun"><AccountPage me={me} /></Route>
          <Route path="/instrumen"><Suspense fallback={<PageSkeleton />}><InstrumentsPage me={me} /></Suspense></Route>
          <Route path="/notifikasi"><NotificationsRoute /></Route>
          <Route path="/program/:id/riwayat">{(p) => <ProgramHistory key={p.id} me={me} id={p.id} />}</Route>
          <Route path="/program/:id">{(p) => <ProgramEditor key={p.id} me={me} id={p.id} />}</Route>
          <Route path="/laporan/:id">{(p) => <ReportRoute key={p.id} id={p.id} />}</Route>
          <Route path="/wilayah/:code/monitoring/:tab?">{R('monitoring', (code, a) => <MonitoringSection key={code} code={code} access={a} />)}</Route>
          <Route path="/wilayah/:code/masterplan">{R('masterplan', (code, a) => <MasterplanPage key={code} code={code} access={a} />)}</Route>
          <Route path="/wilayah/:code/program/baru">{R('program', (code) => <ProgramEditor key={`new-${code}`} me={me} newIn={code} />)}</Route>
          <Route path="/wilayah/:code/program">{R('program', (code, a) => <ProgramsPage key={code} code={code} access={a} />)}</Route>
          <Route path="/wilayah/:code/persetujuan">{R('persetujuan', (code, a) => <ChangesPage key={code} code={code} access={a} />)}</Route>
          <Route path="/wilayah/:code/quick-win">{R('quick-win', (code, a) => <QuickWinsPage key={code} code={code} access={a} />)}</Route>
          <Route path="/wilayah/:code/opd">{R('opd', (code, a) => <OpdsPage key={code} code={code} access={a} />)}</Route>
          <Route path="/wilayah/:code/pengguna">{R('pengguna', (code, a) => <UsersPage key={code} code={code} access={a} />)}</Route>
          <Route path="/wilayah/:code/evaluasi/:year">{(p) => R('evaluasi', (code) => <Suspense fallback={<PageSkeleton />}><CycleWorkspace key={`${code}/${p.year}`} code={code} year={Number(p.year)} /></Suspense>)(p)}</Route>
          <Route path="/wilayah/:code/evaluasi">{R('evaluasi', (code, a) => <Suspense fallback={<PageSkeleton />}><EvaluationConsole key={code} code={code} canOpen={a.edit} /></Suspense>)}</Route>
          <Route path="/wilayah/:code/konektivitas">{R('konektivitas', (code) => <ConnectivityPlanner key={code} code={code} />)}</Route>
          <Route path="/wilayah/:code/isian-cepat">{R('isian-cepat', (code) => <BulkEntry key={code} code={code} />)}</Route>
          <Route path="/wilayah/:code/audit">{R('audit', (code) => <AuditPage key={code} code={code} />)}</Route>
          <Route path="/wilayah/:code">{(p) => <Redirect to={`/wilayah/${p.code}/program`} replace />}</Route>
          <Route><Alert kind="warning" title={t('shell.notFound')}><p><Link href="/">{t('shell.nav.dashboard')}</Link></p></Alert></Route>
        </Switch>
      </div>
    </div>
  );
}

/** The admin console under /admin (loaded lazily): logged-in users only. */
export default function AdminApp() {
  const { me, error } = useMe();
  const [location] = useLocation();
  if (error && !me) return <ErrorState error={error} />;
  if (!me) return <PageSkeleton />;
  if (!me.user) return <Redirect to={`~/masuk?lanjut=${encodeURIComponent(`/admin${location === '/' ? '' : location}`)}`} replace />;
  return <Shell me={me} />;
}
