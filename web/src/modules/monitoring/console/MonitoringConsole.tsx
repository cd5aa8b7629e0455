import { Link, useLocation } from 'wouter';
import type { Access } from '../../admin/core/access.ts';
import { PageHead } from '../../admin/core/ui.tsx';
import { useMonI18n } from '../i18n.ts';
import { DashboardView } from './DashboardView.tsx';
import { MyUpdatesPage } from './MyUpdatesPage.tsx';
import { PeriodsPage } from './PeriodsPage.tsx';

type Tab = 'dashboard' | 'pembaruan' | 'periode';

/**
 * The monitoring section of the console (/admin/wilayah/:code/monitoring): region dashboard,
 * "my updates" (what to report, what to review) and, for coordinators and Bappeda, periods
 * and settings. Loaded lazily with its texts.
 */
export default function MonitoringConsole({ code, access }: { code: string; access: Access }) {
  const { t } = useMonI18n();
  const [location] = useLocation();
  const base = `/wilayah/${code}/monitoring`;
  const tab: Tab = location.endsWith('/pembaruan') ? 'pembaruan' : location.endsWith('/periode') ? 'periode' : 'dashboard';
  // Officers land on what they must do; the dashboard is one click away.
  const tabs: { key: Tab; href: string; label: string }[] = [
    { key: 'dashboard', href: base, label: t('nav.dashboard') },
    { key: 'pembaruan', href: `${base}/pembaruan`, label: t('nav.mine') },
    ...(access.edit ? [{ key: 'periode' as const, href: `${base}/periode`, label: t('nav.periods') }] : []),
  ];
  const current = tabs.find((x) => x.key === tab) ?? tabs[0]!;
  return (
    <div>
      <PageHead title={`${t('title')}: ${current.label}`} intro={t('intro')} />
      <nav aria-label={t('nav.label')}>
        <ul className="mon-tabs">
          {tabs.map((x) => <li key={x.key}><Link href={x.href} aria-current={x.key === current.key ? 'page' : undefined}>{x.label}</Link></li>)}
        </ul>
      </nav>
      {current.key === 'dashboard' && <DashboardView code={code} />}
      {current.key === 'pembaruan' && <MyUpdatesPage code={code} />}
      {current.key === 'periode' && <PeriodsPage code={code} />}
    </div>
  );
}
