import { useSearchParams } from 'wouter';
import type { ProgramQuery } from '../../../core/api/types.ts';

export const PAGE_SIZE = 20;

/** Filter names in the page URL (Indonesian, like the routes) → API query names. */
export const URL_KEYS = {
  dimension: 'pilar',
  element: 'elemen',
  opd: 'opd',
  horizon: 'horizon',
  quickWinYear: 'quickwin',
  district: 'kecamatan',
  village: 'desa',
  q: 'q',
  sort: 'urut',
  order: 'arah',
  page: 'hal',
} as const;
export type FilterName = keyof typeof URL_KEYS;
export type Filters = Record<FilterName, string>;

const SORTS = ['code', 'title', 'startYear', 'budget'] as const;

/** Filters of the program list, kept in the URL query string. */
export function useProgramFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    (Object.keys(URL_KEYS) as FilterName[]).map((k) => [k, params.get(URL_KEYS[k]) ?? '']),
  ) as Filters;
  const page = Math.max(1, Number(filters.page) || 1);

  /** Change some filters; any change other than the page goes back to page 1. */
  const update = (changes: Partial<Filters>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes) as [FilterName, string][]) {
        if (v) next.set(URL_KEYS[k], v);
        else next.delete(URL_KEYS[k]);
      }
      if (!('page' in changes)) next.delete(URL_KEYS.page);
      return next;
    });
  };
  const reset = () => setParams(new URLSearchParams());

  const sort = (SORTS as readonly string[]).includes(filters.sort) ? (filters.sort as ProgramQuery['sort']) : undefined;
  const query: ProgramQuery = {
    dimension: filters.dimension || undefined,
    element: filters.element || undefined,
    opd: filters.opd || undefined,
    horizon: filters.horizon || undefined,
    quickWinYear: filters.quickWinYear || undefined,
    location: filters.village || filters.district || undefined,
    q: filters.q || undefined,
    sort,
    order: filters.order === 'desc' ? 'desc' : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const active = (['dimension', 'element', 'opd', 'horizon', 'quickWinYear', 'district', 'village', 'q'] as FilterName[])
    .filter((k) => filters[k]).length;
  return { filters, page, query, update, reset, active };
}
