import { useState } from 'react';
import { Link } from 'wouter';
import { apiWrite, asApiError, getJson, type ApiError } from '../../core/api/client.ts';
import { formatDateTime } from '../admin/core/i18n.ts';
import { formatNumber, formatRupiah } from '../../core/format.ts';
import { IllustrativeBadge } from '../../core/ui/IllustrativeBadge.tsx';
import { Alert } from '../../core/ui/form.tsx';
import { ConfirmButton, ErrorAlert } from '../admin/core/ui.tsx';
import { connPaths, type Comparison, type Scenario, type ScenarioSummary } from './api.ts';
import { useConnI18n } from './i18n.ts';

/** Saved scenarios: open, download, make programs, delete; select two or more to compare. */
export function Scenarios({ code, list, onChanged, onOpen }: { code: string; list: ScenarioSummary[]; onChanged: () => void; onOpen: (s: Scenario) => void }) {
  const { t, lang } = useConnI18n();
  const [selected, setSelected] = useState<string[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [madePrograms, setMadePrograms] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const act = async (fn: () => Promise<void>) => {
    setError(null); setNote(null); setMadePrograms(false);
    try { await fn(); } catch (e) { setError(asApiError(e)); }
  };
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const compare = () => act(async () => setComparison(await getJson<Comparison>(connPaths.compare(code, selected))));
  return (
    <section className="section conn-scenarios" aria-labelledby="conn-sc-h">
      <h2 id="conn-sc-h">{t('scenarios.title')}</h2>
      {note && <Alert kind="success"><p>{note}{madePrograms && <> <Link href={`/wilayah/${code}/program`}>{t('scenarios.toPrograms')}</Link></>}</p></Alert>}
      {error && <ErrorAlert error={error} />}
      {list.length === 0 ? <p className="empty">{t('scenarios.empty')}</p> : (
        <>
          <ul className="plain stack conn-scenario-list">
            {list.map((s) => (
              <li key={s.id} className="card conn-scenario" data-scenario={s.id}>
                <div className="conn-scenario-head">
                  <label className="conn-check">
                    <input type="checkbox" checked={selected.includes(s.id)} onChange={() => toggle(s.id)} aria-label={t('scenarios.select', { name: s.name })} />
                  </label>
                  <h3 className="conn-scenario-name">{s.name}</h3>
                  <IllustrativeBadge show={s.illustrative} />
                  {s.programIds && <span className="badge">{t('scenarios.programsMade')}</span>}
                </div>
                <p className="small muted">
                  {t(`objectiveShort.${s.objective}`)}{s.budget !== null ? ` ${formatRupiah(s.budget)}` : ''} · {t('scenarios.cost')} {formatRupiah(s.totalCost)} ·{' '}
                  {t('scenarios.covered')} {formatNumber(s.coveredVillages, lang)}/{formatNumber(s.targetCount, lang)} · {t('scenarios.updated')} {formatDateTime(s.updatedAt, lang)}
                </p>
                <div className="row-actions">
                  <button type="button" className="button button-small" onClick={() => void act(async () => { const full = await getJson<Scenario>(connPaths.scenario(s.id)); onOpen(full); setNote(t('scenarios.loaded', { name: s.name })); })}>{t('scenarios.open')}</button>
                  <a className="button button-small" href={connPaths.export(s.id, 'csv')} download>{t('scenarios.csv')}</a>
                  <a className="button button-small" href={connPaths.export(s.id, 'geojson')} download>{t('scenarios.geojson')}</a>
                  <a className="button button-small" href={connPaths.export(s.id, 'pdf')} download>{t('scenarios.pdf')}</a>
                  {!s.programIds && (
                    <ConfirmButton label={t('scenarios.makePrograms')} confirm={t('scenarios.makeProgramsConfirm')} className="button button-small"
                      onConfirm={() => act(async () => {
                        const r = await apiWrite<{ programs: unknown[]; leadOpd: string; year: number }>('POST', connPaths.programs(s.id));
                        setNote(t('scenarios.programsCreated', { count: r.programs.length, opd: r.leadOpd, year: r.year }));
                        setMadePrograms(true);
                        onChanged();
                      })} />
                  )}
                  <ConfirmButton label={t('scenarios.delete')} confirm={t('scenarios.deleteConfirm')}
                    onConfirm={() => act(async () => { await apiWrite('DELETE', connPaths.scenario(s.id)); setSelected((x) => x.filter((y) => y !== s.id)); onChanged(); })} />
                </div>
              </li>
            ))}
          </ul>
          <p className="row-actions">
            <button type="button" className="button" disabled={selected.length < 2} onClick={() => void compare()}>{t('scenarios.compare')}</button>
            {selected.length < 2 && <span className="small muted">{t('scenarios.compareHint')}</span>}
          </p>
        </>
      )}
      {comparison && <CompareTable data={comparison} onClose={() => setComparison(null)} />}
    </section>
  );
}

function CompareTable({ data, onClose }: { data: Comparison; onClose: () => void }) {
  const { t, lang } = useConnI18n();
  const s = data.scenarios;
  const rows: [string, (x: Comparison['scenarios'][number]) => string][] = [
    [t('compare.objective'), (x) => t(`objectiveShort.${x.objective}`)],
    [t('compare.budget'), (x) => (x.budget === null ? '—' : formatRupiah(x.budget))],
    [t('compare.goal'), (x) => x.goal.toUpperCase()],
    [t('compare.radius'), (x) => `${formatNumber(x.radiusKm, lang, 1)} km`],
    [t('compare.priority'), (x) => formatNumber(x.priorityWeight, lang, 2)],
    [t('compare.totalCost'), (x) => formatRupiah(x.totalCost)],
    [t('compare.covered'), (x) => `${formatNumber(x.coveredVillages, lang)}/${formatNumber(x.targetCount, lang)}`],
    [t('compare.population'), (x) => formatNumber(x.coveredPopulation, lang)],
    [t('compare.towers'), (x) => `${x.towers} (${x.backhaul.fibre}/${x.backhaul.microwave}/${x.backhaul.satellite})`],
    [t('compare.vsat'), (x) => String(x.vsat)],
    [t('compare.gap'), (x) => `${formatNumber(100 * x.gap, lang, 3)} %`],
  ];
  return (
    <div className="card conn-compare">
      <div className="section-head">
        <h3>{t('compare.title')}</h3>
        <button type="button" className="button button-small" onClick={onClose}>{t('compare.close')}</button>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('compare.caption')}</caption>
          <thead><tr><th scope="col">{t('compare.field')}</th>{s.map((x) => <th scope="col" key={x.id}>{x.name}</th>)}</tr></thead>
          <tbody>
            {rows.map(([label, f]) => <tr key={label}><th scope="row">{label}</th>{s.map((x) => <td key={x.id}>{f(x)}</td>)}</tr>)}
            {data.catalogueDifferences.map((d) => (
              <tr key={d.field}><th scope="row">{t('compare.catalogue', { field: d.field })}</th>{d.values.map((v, i) => <td key={i}>{typeof v === 'number' ? formatNumber(v, lang, 2) : String(v ?? '—')}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t('compare.common', { count: data.towersInAll.length })}</p>
    </div>
  );
}
