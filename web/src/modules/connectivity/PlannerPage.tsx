import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { apiWrite, asApiError, type ApiError } from '../../core/api/client.ts';
import { useConfig } from '../../core/api/hooks.ts';
import { useI18n } from '../../core/i18n.ts';
import { IllustrativeBadge } from '../../core/ui/IllustrativeBadge.tsx';
import { Alert } from '../../core/ui/form.tsx';
import { useLive } from '../admin/core/useLive.ts';
import { ErrorAlert, Loading, PageHead } from '../admin/core/ui.tsx';
import { connPaths, isTarget, lifeCost, type Params, type RegionInstance, type Scenario, type ScenarioSummary } from './api.ts';
import { Controls } from './Controls.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { STATUS_COLOUR } from './colours.ts';
import { Figures, SitesTable } from './Results.tsx';
import { Scenarios } from './Scenarios.tsx';
import { useConnI18n } from './i18n.ts';
import { useRun } from './useRun.ts';
import './connectivity.css';

const PlannerMap = lazy(() => import('./PlannerMap.tsx'));

function Legend() {
  const { t } = useConnI18n();
  const dot = (c: string, ring = '#fff') => <span className="conn-swatch" style={{ background: c, borderColor: ring }} aria-hidden="true" />;
  return (
    <ul className="conn-legend" aria-label={t('map.legend')}>
      {(['none', '2g', '3g', '4g'] as const).map((s) => <li key={s}>{dot(STATUS_COLOUR[s]!)}{t(`map.${s}`)}</li>)}
      <li><span className="conn-swatch" style={{ background: '#fff', boxShadow: '0 0 0 2px #1849a9' }} aria-hidden="true" />{t('map.covered')}</li>
      <li>{dot('#1849a9')}{t('map.tower')}</li>
      <li><span className="conn-swatch" style={{ background: '#fff', boxShadow: '0 0 0 2px #1849a9' }} aria-hidden="true" />{t('map.vsat')}</li>
      <li>{dot('#6941c6')}{t('map.node')}</li>
      <li><span className="conn-swatch conn-swatch-small" style={{ background: '#1d2939' }} aria-hidden="true" />{t('map.existingTower')}</li>
      <li><span className="conn-swatch conn-swatch-line" aria-hidden="true" />{t('map.backhaul')}</li>
    </ul>
  );
}

/** The blank-spot connectivity planner of a region (console section "Konektivitas"). */
export default function PlannerPage({ code }: { code: string }) {
  const { t } = useConnI18n();
  const { t: tc } = useI18n();
  const config = useConfig();
  const instance = useLive<RegionInstance>(connPaths.instance(code));
  const scenarios = useLive<ScenarioSummary[]>(connPaths.scenarios(code));
  const [params, setParams] = useState<Params | null>(null);
  const data = instance.data;
  useEffect(() => {
    if (data && !params) {
      const d = data.defaults;
      setParams({ objective: 'budget', budget: 1_000_000_000, goal: d.goal, radiusKm: d.radiusKm, priorityWeight: d.priorityWeight, catalogue: d.catalogue, method: 'fast' });
    }
  }, [data, params]);
  const hasVillages = Boolean(data?.villages.length);
  const run = useRun(code, hasVillages ? params : null);
  const targets = useMemo(() => (data && params ? data.villages.filter((v) => isTarget(v.signal, params.goal)).length : 0), [data, params]);
  const maxBudget = params ? targets * lifeCost(params.catalogue.vsat.capex, params.catalogue.vsat.opexPerYear, params.catalogue) : 0;

  const [name, setName] = useState('');
  const [saveState, setSaveState] = useState<{ busy?: boolean; error?: ApiError; saved?: string; needPlan?: boolean }>({});
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!run.plan || !run.planParams) { setSaveState({ needPlan: true }); return; }
    setSaveState({ busy: true });
    try {
      const { method: _m, ...p } = run.planParams;
      const s = await apiWrite<Scenario>('POST', connPaths.scenarios(code), { name, ...p, plan: run.plan });
      setSaveState({ saved: t('save.saved', { name: s.name }) });
      setName('');
      void scenarios.reload();
    } catch (err) {
      setSaveState({ error: asApiError(err) });
    }
  };
  const open = (s: Scenario) => setParams({ objective: s.objective, budget: s.budget, goal: s.goal, radiusKm: s.radiusKm, priorityWeight: s.priorityWeight, catalogue: s.catalogue, method: 'fast' });

  if (instance.error && !data) return <><PageHead title={t('title')} /><ErrorAlert error={instance.error} /></>;
  if (!data || !params) return <><PageHead title={t('title')} /><Loading /></>;
  const shownRadius = run.planParams?.radiusKm ?? params.radiusKm;
  return (
    <div className="conn-page">
      <PageHead title={t('title')} eyebrow={data.region.name} intro={t('intro')} />
      <p className="small">
        {t('summary', { villages: data.summary.villages, targets, nodes: data.summary.nodes })} <IllustrativeBadge show={data.summary.illustrative} />
      </p>
      {data.summary.sources.length > 0 && <p className="small muted">{t('source', { source: data.summary.sources.join('; ') })}</p>}
      {!hasVillages && <Alert kind="info"><p>{t('noData')}</p></Alert>}
      {hasVillages && (
        <div className="conn-layout">
          <Controls params={params} onChange={setParams} maxBudget={maxBudget} defaults={data.defaults.catalogue} />
          <section className="card conn-result" aria-labelledby="conn-res-h">
            <h2 id="conn-res-h">{t('result.title')}</h2>
            <div className="conn-status" role="status">
              {run.status === 'running' && (
                <>
                  <span>{t('run.running')}</span>
                  <progress max={1} value={run.progress} aria-label={t('run.progress')} />
                  <button type="button" className="button button-small button-danger" onClick={run.cancel}>{t('run.cancel')}</button>
                </>
              )}
              {run.status === 'cancelled' && <span>{t('run.cancelled')}</span>}
              {run.status !== 'running' && <button type="button" className="button button-small" onClick={run.run}>{t('controls.run')}</button>}
            </div>
            {run.status === 'failed' && run.error && <ErrorAlert error={run.error} title={t('run.failed')} />}
            {run.plan ? <Figures plan={run.plan} /> : <p className="empty">{t('result.none')}</p>}
            <Suspense fallback={<div className="map-placeholder conn-map" aria-hidden="true" />}>
              {config.data && (
                <PlannerMap villages={data.villages} nodes={data.nodes} plan={run.plan} radiusKm={shownRadius} goal={run.planParams?.goal ?? params.goal}
                  tileUrl={config.data.tileUrl} label={t('map.label')} zoomIn={tc('map.zoomIn')} zoomOut={tc('map.zoomOut')} />
              )}
            </Suspense>
            <Legend />
            <form className="conn-save" onSubmit={(e) => void save(e)} aria-label={t('save.title')}>
              <div className="field">
                <label htmlFor="conn-save-name">{t('save.name')}</label>
                <input id="conn-save-name" type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
              </div>
              <button type="submit" className="button" disabled={saveState.busy || !name.trim()}>{t('save.submit')}</button>
            </form>
            {saveState.saved && <Alert kind="success"><p>{saveState.saved}</p></Alert>}
            {saveState.needPlan && <Alert kind="warning"><p>{t('save.needPlan')}</p></Alert>}
            {saveState.error && <ErrorAlert error={saveState.error} />}
            <h3>{t('table.title')}</h3>
            {run.plan && <SitesTable plan={run.plan} villages={data.villages} />}
          </section>
        </div>
      )}
      {scenarios.data && <Scenarios code={code} list={scenarios.data} onChanged={() => void scenarios.reload()} onOpen={open} />}
      {scenarios.error && <ErrorAlert error={scenarios.error} />}
      <ImportPanel code={code} open={!hasVillages} onDone={() => { void instance.reload(); }} />
    </div>
  );
}
