import { paths } from '../../../core/api/client.ts';
import { useFrameworkNames } from '../../../core/api/hooks.ts';
import type { DiffEntry, Region, RegionOpd } from '../../../core/api/types.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { formatRupiah, pick } from '../../../core/format.ts';
import { useAdminI18n } from '../core/i18n.ts';
import { TableScroll } from '../core/ui.tsx';

type Names = { opd: (id: string) => string | undefined; element: (key: string) => string | undefined; place: (code: string) => string | undefined };

/** Names for the ids in a diff: OPDs and villages of the region, elements of the framework. */
function useNames(regionCode: string | null, needPlaces: boolean): Names {
  const { lang } = useAdminI18n();
  const opds = useApi<RegionOpd[]>(regionCode ? paths.opds(regionCode) : null);
  const villages = useApi<Region[]>(regionCode && needPlaces ? paths.children(regionCode, 'village') : null);
  const districts = useApi<Region[]>(regionCode && needPlaces ? paths.children(regionCode, 'district') : null);
  const fw = useFrameworkNames();
  const places = new Map<string, string>();
  for (const r of [...(districts.data ?? []), ...(villages.data ?? [])]) places.set(r.code, r.name);
  return {
    opd: (id) => opds.data?.find((o) => o.id === id)?.abbreviation,
    element: (key) => (fw.ready ? pick(fw.element(key), lang) : undefined),
    place: (code) => places.get(code),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value of a diff as short text lines (budgets, locations and ids get readable names). */
export function useFormatValue(regionCode: string | null, diff: DiffEntry[]) {
  const { t } = useAdminI18n();
  const needPlaces = diff.some((d) => d.field === 'locations');
  const names = useNames(regionCode, needPlaces);
  const one = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return field === 'amount' ? formatRupiah(v) : String(v);
    if (typeof v === 'string') {
      if (field === 'leadOpdId' || field === 'supportingOpdIds') return names.opd(v) ?? v;
      if (field === 'elementKey') return names.element(v) ?? v;
      if (field === 'horizon' && ['short', 'medium', 'long'].includes(v)) return t(`horizon.${v as 'short'}`);
      if (field === 'polarity' && ['higher', 'lower', 'range'].includes(v)) return t(`kpi.polarities.${v as 'higher'}`);
      if (field === 'locations') return names.place(v) ? `${names.place(v)} (${v})` : v;
      return v;
    }
    if (isRecord(v)) {
      if ('year' in v && 'amount' in v) return `${String(v.year)} · ${String(v.source ?? '')} · ${formatRupiah(Number(v.amount))}`;
      if ('year' in v && 'value' in v) return `${String(v.year)}: ${String(v.value)}${v.valueMax !== null && v.valueMax !== undefined ? `–${String(v.valueMax)}` : ''}`;
      if ('kind' in v && 'text' in v) return `${t(`readiness.swot.${String(v.kind) as 'strength'}`)}: ${String(v.text)}`;
      if ('name' in v && typeof v.name === 'string') return v.name;
      return JSON.stringify(v);
    }
    return JSON.stringify(v);
  };
  return (field: string, v: unknown): string[] => {
    const key = field.split('.').pop() ?? field;
    if (Array.isArray(v)) return v.length ? v.map((x) => one(key, x)) : ['—'];
    return [one(key, v)];
  };
}

const HIDDEN = new Set(['programId', 'masterplanId']);

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 1) return <>{lines[0]}</>;
  return <ul className="diff-lines">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul>;
}

/** Field-level diff: field, before, after. */
export function DiffTable({ diff, regionCode, caption }: { diff: DiffEntry[]; regionCode: string | null; caption?: string }) {
  const { t } = useAdminI18n();
  // Ids that only tie a proposal to its program say nothing to a reviewer.
  const shown = diff.filter((d) => !HIDDEN.has(d.field));
  const fmt = useFormatValue(regionCode, shown);
  if (!shown.length) return <p className="empty">{t('changes.noDiff')}</p>;
  const label = (field: string) => {
    const base = field.split('.')[0] ?? field;
    const known = t(`fields.${base}` as 'fields.title', { defaultValue: '' });
    return known ? (field === base ? known : `${known} (${field.slice(base.length + 1)})`) : field;
  };
  return (
    <TableScroll label={caption ?? t('changes.diffCaption')}>
      <table className="data-table diff-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr><th scope="col">{t('changes.field')}</th><th scope="col">{t('changes.before')}</th><th scope="col">{t('changes.after')}</th></tr>
        </thead>
        <tbody>
          {shown.map((d, i) => (
            <tr key={`${d.field}-${i}`}>
              <th scope="row">{label(d.field)}</th>
              <td className="diff-before"><Lines lines={fmt(d.field, d.before)} /></td>
              <td className="diff-after"><Lines lines={fmt(d.field, d.after)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
