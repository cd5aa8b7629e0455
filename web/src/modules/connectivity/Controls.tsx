import { useId } from 'react';
import { formatRupiah } from '../../core/format.ts';
import type { Catalogue, Goal, Params } from './api.ts';
import { useConnI18n } from './i18n.ts';

const CATALOGUE_FIELDS = [
  'horizonYears', 'discountRate', 'tower.capex', 'tower.opexPerYear', 'fibre.capexPerKm', 'fibre.opexPerKmPerYear', 'fibre.routingFactor', 'fibre.maxKm',
  'microwave.capexPerHop', 'microwave.opexPerYear', 'microwave.maxKm', 'satelliteBackhaul.capex', 'satelliteBackhaul.opexPerYear', 'vsat.capex', 'vsat.opexPerYear',
] as const;

function getField(c: Catalogue, path: string): number {
  const [a, b] = path.split('.');
  const v = b ? (c as unknown as Record<string, Record<string, number>>)[a!]![b] : (c as unknown as Record<string, number>)[a!];
  return v ?? 0;
}
function setField(c: Catalogue, path: string, value: number): Catalogue {
  const [a, b] = path.split('.') as [string, string | undefined];
  const copy = JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
  if (b) (copy[a] as Record<string, number>)[b] = value;
  else copy[a] = value;
  return copy as unknown as Catalogue;
}

const STEP = 50_000_000;

/** Objective, budget (number and slider), goal, radius, priority weight, method and the cost catalogue. */
export function Controls({ params, onChange, maxBudget, defaults }: {
  params: Params; onChange: (p: Params) => void; maxBudget: number; defaults: Catalogue;
}) {
  const { t } = useConnI18n();
  const id = useId();
  const set = (patch: Partial<Params>) => onChange({ ...params, ...patch });
  const sliderMax = Math.max(STEP, Math.ceil(Math.max(maxBudget, params.budget ?? 0) / STEP) * STEP);
  const changed = JSON.stringify(params.catalogue) !== JSON.stringify(defaults);
  return (
    <form className="card conn-controls" aria-labelledby={`${id}-h`} onSubmit={(e) => e.preventDefault()}>
      <h2 id={`${id}-h`}>{t('controls.title')}</h2>
      <fieldset className="conn-objective">
        <legend>{t('controls.objective')}</legend>
        <label><input type="radio" name={`${id}-obj`} value="budget" checked={params.objective === 'budget'} onChange={() => set({ objective: 'budget', budget: params.budget ?? 1_000_000_000 })} /> {t('controls.objectiveBudget')}</label>
        <label><input type="radio" name={`${id}-obj`} value="cover-all" checked={params.objective === 'cover-all'} onChange={() => set({ objective: 'cover-all' })} /> {t('controls.objectiveCoverAll')}</label>
      </fieldset>
      {params.objective === 'budget' && (
        <div className="field">
          <label htmlFor={`${id}-budget`}>{t('controls.budget')}</label>
          <input id={`${id}-budget`} name="budget" type="number" inputMode="numeric" min={0} step={1_000_000} value={params.budget ?? 0}
            aria-describedby={`${id}-budget-hint`} onChange={(e) => set({ budget: Math.max(0, Math.round(Number(e.target.value) || 0)) })} />
          <input type="range" className="conn-slider" aria-label={t('controls.budgetSlider')} aria-valuetext={formatRupiah(params.budget ?? 0)}
            min={0} max={sliderMax} step={STEP} value={params.budget ?? 0} onChange={(e) => set({ budget: Number(e.target.value) })} />
          <p className="field-hint" id={`${id}-budget-hint`}><strong>{formatRupiah(params.budget ?? 0)}</strong> · {t('controls.budgetHint', { max: formatRupiah(maxBudget) })}</p>
        </div>
      )}
      <div className="conn-row">
        <div className="field">
          <label htmlFor={`${id}-goal`}>{t('controls.goal')}</label>
          <select id={`${id}-goal`} value={params.goal} onChange={(e) => set({ goal: e.target.value as Goal })}>
            <option value="4g">4G</option><option value="3g">3G</option><option value="2g">2G</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-radius`}>{t('controls.radius')}</label>
          <input id={`${id}-radius`} type="number" min={1} max={100} step={0.5} value={params.radiusKm}
            onChange={(e) => { const v = Number(e.target.value); if (v > 0 && v <= 100) set({ radiusKm: v }); }} />
        </div>
      </div>
      <div className="conn-row">
        <div className="field">
          <label htmlFor={`${id}-prio`}>{t('controls.priority')}</label>
          <input id={`${id}-prio`} type="number" min={0} max={10} step={0.1} value={params.priorityWeight} aria-describedby={`${id}-prio-hint`}
            onChange={(e) => { const v = Number(e.target.value); if (v >= 0 && v <= 10) set({ priorityWeight: v }); }} />
          <p className="field-hint" id={`${id}-prio-hint`}>{t('controls.priorityHint')}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-method`}>{t('controls.method')}</label>
          <select id={`${id}-method`} value={params.method} onChange={(e) => set({ method: e.target.value as 'fast' | 'exact' })}>
            <option value="fast">{t('controls.methodFast')}</option>
            <option value="exact">{t('controls.methodExact')}</option>
          </select>
        </div>
      </div>
      <details className="conn-catalogue">
        <summary>{t('controls.catalogue')}{changed ? ` · ${t('controls.catalogueChanged')}` : ''}</summary>
        <p className="field-hint">{t('controls.catalogueHint')}</p>
        <div className="conn-cat-grid">
          {CATALOGUE_FIELDS.map((f) => (
            <div className="field" key={f}>
              <label htmlFor={`${id}-${f}`}>{t(`cat.${f}`)}</label>
              <input id={`${id}-${f}`} type="number" min={0} step="any" value={getField(params.catalogue, f)}
                onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v) && e.target.value !== '') set({ catalogue: setField(params.catalogue, f, v) }); }} />
            </div>
          ))}
        </div>
        <button type="button" className="button button-small" disabled={!changed} onClick={() => set({ catalogue: defaults })}>{t('controls.catalogueReset')}</button>
      </details>
    </form>
  );
}
