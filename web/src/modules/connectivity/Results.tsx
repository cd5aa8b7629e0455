import { formatNumber, formatRupiah } from '../../core/format.ts';
import type { Plan, VillageRow } from './api.ts';
import { useConnI18n } from './i18n.ts';

/** The plan's figures. */
export function Figures({ plan }: { plan: Plan }) {
  const { t, lang } = useConnI18n();
  return (
    <dl className="conn-figures" aria-live="polite">
      <div><dt>{t('result.totalCost')}</dt><dd data-testid="conn-total">{formatRupiah(plan.totalCost)}</dd></div>
      <div><dt>{t('result.covered')}</dt><dd>{t('result.coveredOf', { covered: formatNumber(plan.coveredVillages.length, lang), targets: formatNumber(plan.targetCount, lang) })}</dd></div>
      <div><dt>{t('result.population')}</dt><dd>{formatNumber(plan.coveredPopulation, lang)}</dd></div>
      <div><dt>{t('result.towers')}</dt><dd data-testid="conn-towers">{plan.towers.length}</dd></div>
      <div><dt>{t('result.vsat')}</dt><dd data-testid="conn-vsat">{plan.vsat.length}</dd></div>
      <div><dt>{t('result.gap')}</dt><dd>{formatNumber(100 * plan.gap, lang, 3)} %</dd></div>
      <div><dt>{t('result.time')}</dt><dd>{t('result.method', { method: t(plan.method), ms: formatNumber(plan.elapsedMs, lang, 1) })}</dd></div>
    </dl>
  );
}

/** Every chosen site: towers (with backhaul and reach) then VSATs. */
export function SitesTable({ plan, villages }: { plan: Plan; villages: VillageRow[] }) {
  const { t, lang } = useConnI18n();
  const names = new Map(villages.map((v) => [v.code, v.name]));
  if (!plan.towers.length && !plan.vsat.length) return <p className="empty">{t('table.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table conn-sites">
        <caption>{t('table.caption')}</caption>
        <thead>
          <tr><th scope="col">{t('table.kind')}</th><th scope="col">{t('table.village')}</th><th scope="col">{t('table.backhaul')}</th><th scope="col">{t('table.covers')}</th><th scope="col">{t('table.cost')}</th></tr>
        </thead>
        <tbody>
          {plan.towers.map((s) => (
            <tr key={`t-${s.site}`} data-site={s.site} data-kind="tower">
              <td>{t('table.tower')}</td>
              <th scope="row">{s.name || s.site}</th>
              <td>{t(`table.${s.backhaul}`)}</td>
              <td>{formatNumber(s.covers.length, lang)}</td>
              <td>{formatRupiah(s.cost)}</td>
            </tr>
          ))}
          {plan.vsat.map((s) => (
            <tr key={`v-${s.village}`} data-site={s.village} data-kind="vsat">
              <td>{t('table.vsat')}</td>
              <th scope="row">{names.get(s.village) ?? s.village}</th>
              <td>—</td>
              <td>1</td>
              <td>{formatRupiah(s.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
