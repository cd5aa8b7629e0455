import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { paths } from '../../../core/api/client.ts';
import { useFrameworkNames } from '../../../core/api/hooks.ts';
import type { AdminProgramSummary, Page } from '../../../core/api/types.ts';
import { formatRupiah, pick } from '../../../core/format.ts';
import { PILLAR_KEYS, pillarClass } from '../../../core/pillars.ts';
import { PillarChip } from '../../../core/ui/PillarChip.tsx';
import { programMode, type Access } from '../core/access.ts';
import { useAdminI18n } from '../core/i18n.ts';
import { useLive } from '../core/useLive.ts';
import { ErrorAlert, Loading, PageHead, PublishedBadge } from '../core/ui.tsx';

const LIMIT = 50;

/** "/admin/wilayah/:code/program": the region's programs, unpublished ones included. */
export function ProgramsPage({ code, access }: { code: string; access: Access }) {
  const { t, tc, lang } = useAdminI18n();
  const names = useFrameworkNames();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [dimension, setDimension] = useState('');
  const [mine, setMine] = useState(access.propose && !access.edit);
  const [offset, setOffset] = useState(0);
  const list = useLive<Page<AdminProgramSummary>>(paths.programs(code, {
    q: query || undefined, dimension: dimension || undefined, opd: mine && access.user.opdId ? access.user.opdId : undefined, limit: LIMIT, offset, sort: 'code',
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setQuery(q.trim());
  };
  const page = list.data;
  const canCreate = access.edit || access.propose;
  return (
    <>
      <PageHead title={t('programs.title')} intro={t('programs.intro')}
        actions={canCreate && <Link href={`/wilayah/${code}/program/baru`} className="button">{t('programs.new')}</Link>} />
      <form className="filters admin-filters" role="search" aria-label={t('programs.filter')} onSubmit={submit}>
        <div className="field">
          <label htmlFor="prog-q">{t('programs.search')}</label>
          <div className="search-box">
            <input id="prog-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
            <button type="submit" className="button">{tc('programs.filters.search')}</button>
          </div>
        </div>
        <div className="field">
          <label htmlFor="prog-dim">{tc('programs.filters.dimension')}</label>
          <select id="prog-dim" value={dimension} onChange={(e) => { setOffset(0); setDimension(e.target.value); }}>
            <option value="">{tc('programs.filters.all')}</option>
            {PILLAR_KEYS.map((k) => <option key={k} value={k}>{pick(names.dimension(k), lang)}</option>)}
          </select>
        </div>
        {access.user.opdId && (
          <div className="check-field">
            <input type="checkbox" id="prog-mine" checked={mine} onChange={(e) => { setOffset(0); setMine(e.target.checked); }} />
            <label htmlFor="prog-mine">{t('programs.mine')}</label>
          </div>
        )}
      </form>
      {list.error && <ErrorAlert error={list.error} />}
      {!page && !list.error && <Loading height={300} />}
      {page && (
        <>
          <p className="results-count" role="status">{t('programs.count', { count: page.total })}</p>
          {page.items.length === 0 ? <p className="empty">{tc('programs.empty')}</p> : (
            <ul className="program-list">
              {page.items.map((p) => {
                const editable = programMode(access, p.leadOpd.id) !== null;
                return (
                  <li key={p.id} className={`program-item admin-program-item ${pillarClass(p.dimensionKey)}`}>
                    <div>
                    <p className="program-top">
                      <span className="code">{p.code}</span>
                      <PillarChip dimensionKey={p.dimensionKey} name={names.dimension(p.dimensionKey)} />
                      {p.published === false && <PublishedBadge published={false} />}
                    </p>
                    <h2 className="program-title"><Link href={`/program/${p.id}`}>{p.title}</Link></h2>
                    <p className="program-meta">
                      <span>{p.leadOpd.abbreviation}</span>
                      <span>{p.startYear}–{p.endYear}</span>
                      <span className="program-budget">{formatRupiah(p.budgetTotal)}</span>
                    </p>
                    </div>
                    <p className="row-actions">
                      <Link href={`/program/${p.id}`} className="button button-small" aria-label={`${editable ? t('common.edit') : t('common.view')}: ${p.title}`}>
                        {editable ? t('common.edit') : t('common.view')}
                      </Link>
                      <Link href={`/program/${p.id}/riwayat`} className="button button-small" aria-label={`${t('program.history')}: ${p.title}`}>{t('program.history')}</Link>
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          {page.total > LIMIT && (
            <nav className="pager" aria-label={tc('programs.pager.label')}>
              <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - LIMIT))}>{tc('programs.pager.prev')}</button>
              <span className="pager-pos">{tc('programs.pager.position', { page: offset / LIMIT + 1, pages: Math.ceil(page.total / LIMIT) })}</span>
              <button type="button" className="button" disabled={offset + LIMIT >= page.total} onClick={() => setOffset(offset + LIMIT)}>{tc('programs.pager.next')}</button>
            </nav>
          )}
        </>
      )}
    </>
  );
}
