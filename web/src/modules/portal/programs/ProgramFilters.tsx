import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { paths } from '../../../core/api/client.ts';
import type { Masterplan, Region } from '../../../core/api/types.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { sortByPillar } from '../../../core/pillars.ts';
import type { FilterName, Filters } from './useProgramFilters.ts';

type Props = {
  masterplan: Masterplan;
  filters: Filters;
  update: (changes: Partial<Filters>) => void;
  reset: () => void;
  active: number;
};

function Select({ label, value, onChange, children, disabled, name }: {
  label: string; value: string; onChange: (v: string) => void; children: ReactNode; disabled?: boolean; name: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {children}
      </select>
    </div>
  );
}

const byName = (rs: Region[] | undefined) => [...(rs ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));

/** Filter form of the program list; every control writes straight to the URL. */
export function ProgramFilters({ masterplan: m, filters: f, update, reset, active }: Props) {
  const { t, lang } = useI18n();
  const searchId = useId();
  const [q, setQ] = useState(f.q);
  useEffect(() => setQ(f.q), [f.q]);
  const districts = useApi<Region[]>(paths.children(m.region.code, 'district'));
  const villages = useApi<Region[]>(f.district ? paths.children(f.district, 'village') : null);
  const dims = sortByPillar(m.dimensions, (d) => d.key);
  const elements = (f.dimension ? dims.filter((d) => d.key === f.dimension) : dims).flatMap((d) => d.elements);
  const all = <option value="">{t('programs.filters.all')}</option>;
  const set = (k: FilterName) => (v: string) => update({ [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: q.trim() });
  };
  const moreActive = ['element', 'opd', 'horizon', 'quickWinYear', 'district', 'village'].some((k) => f[k as FilterName]);

  return (
    <form className="filters" role="search" aria-label={t('programs.filters.title')} onSubmit={submit}>
      <div className="filter-row">
        <div className="field field-search">
          <label htmlFor={searchId}>{t('programs.filters.q')}</label>
          <div className="search-box">
            <input id={searchId} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('programs.filters.qPlaceholder')} />
            <button type="submit" className="button">{t('programs.filters.search')}</button>
          </div>
        </div>
        <Select name="pilar" label={t('programs.filters.dimension')} value={f.dimension}
          onChange={(v) => update({ dimension: v, element: !v || dims.find((d) => d.key === v)?.elements.some((e) => e.key === f.element) ? f.element : '' })}>
          {all}
          {dims.map((d) => <option key={d.key} value={d.key}>{pick(d.name, lang)}</option>)}
        </Select>
      </div>
      <details className="more-filters" open={moreActive || undefined}>
        <summary>{t('programs.filters.more')}</summary>
        <div className="filter-grid">
          <Select name="elemen" label={t('programs.filters.element')} value={f.element} onChange={set('element')}>
            {all}
            {elements.map((e) => <option key={e.key} value={e.key}>{pick(e.name, lang)}</option>)}
          </Select>
          <Select name="opd" label={t('programs.filters.opd')} value={f.opd} onChange={set('opd')}>
            {all}
            {[...m.opds].sort((a, b) => a.name.localeCompare(b.name, 'id')).map((o) => (
              <option key={o.id} value={o.id}>{o.abbreviation ? `${o.abbreviation} — ${o.name}` : o.name}</option>
            ))}
          </Select>
          <Select name="horizon" label={t('programs.filters.horizon')} value={f.horizon} onChange={set('horizon')}>
            {all}
            {(['short', 'medium', 'long'] as const).map((h) => <option key={h} value={h}>{t(`horizon.${h}`)}</option>)}
          </Select>
          <Select name="quickwin" label={t('programs.filters.quickWinYear')} value={f.quickWinYear} onChange={set('quickWinYear')}>
            {all}
            {[...m.quickWinYears].sort((a, b) => b - a).map((y) => <option key={y} value={y}>{y}</option>)}
          </Select>
          <Select name="kecamatan" label={t('programs.filters.district')} value={f.district} onChange={(v) => update({ district: v, village: '' })}>
            {all}
            {byName(districts.data).map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </Select>
          <Select name="desa" label={t('programs.filters.village')} value={f.village} onChange={set('village')} disabled={!f.district}>
            <option value="">{f.district ? t('programs.filters.all') : t('programs.filters.pickDistrict')}</option>
            {byName(villages.data).map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </Select>
        </div>
      </details>
      {active > 0 && (
        <p className="filter-actions">
          <button type="button" className="link-button" onClick={reset}>{t('programs.filters.reset', { count: active })}</button>
        </p>
      )}
    </form>
  );
}
