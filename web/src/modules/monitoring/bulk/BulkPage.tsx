import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { ApiError, apiWrite, getJson } from '../../../core/api/client.ts';
import { useMe } from '../../../core/auth/me.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { Alert } from '../../../core/ui/form.tsx';
import { ErrorAlert, Loading, PageHead } from '../../admin/core/ui.tsx';
import { useExtrasI18n } from '../notifications/i18n.ts';
import { formatInput, formatValue, parseNumber } from './number.ts';
import { EditQueue, cellKey, type EntryResult, type PendingEdit } from './queue.ts';
import { Syncer, type SyncState } from './sync.ts';
import './bulk.css';

type Bi = { id: string; en: string };
type Period = { id: string; label: string; year: number; dueOn: string; state: 'open' | 'closed' | 'upcoming' };
type GridKpi = {
  id: string; name: string; unit: string; polarity: string; illustrative: boolean;
  target: { value: number; valueMax: number | null } | null; lastApproved: { value: number | null; periodLabel: string } | null; value: number | null;
};
type GridProgram = { id: string; code: string; title: string; editable: boolean; lockedReason: Bi | null; report: { id: string; status: string; version: number } | null; kpis: GridKpi[] };
type Grid = { period: Period & { startsOn: string; endsOn: string }; programs: GridProgram[] };

const store = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};
const memory = new Map<string, string>();
const kv = {
  getItem: (k: string) => store()?.getItem(k) ?? memory.get(k) ?? null,
  setItem: (k: string, v: string) => { const s = store(); if (s) s.setItem(k, v); else memory.set(k, v); },
  removeItem: (k: string) => { store()?.removeItem(k); memory.delete(k); },
};
function cached<T>(key: string): T | null {
  try {
    const raw = kv.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function remember(key: string, value: unknown) {
  try {
    kv.setItem(key, JSON.stringify(value));
  } catch { /* a full store only loses the offline copy */ }
}

/** Network first, the device's copy when the server cannot be reached. */
async function loadWithCache<T>(path: string, key: string): Promise<{ data: T; fromCache: boolean }> {
  try {
    const data = await getJson<T>(path);
    remember(key, data);
    return { data, fromCache: false };
  } catch (e) {
    const copy = cached<T>(key);
    if (copy && e instanceof ApiError && (e.status === 0 || e.status >= 500)) return { data: copy, fromCache: true };
    throw e;
  }
}

/** The open period to fill in: the next one due, else the latest open one. */
function defaultPeriod(periods: Period[]): Period | undefined {
  const open = periods.filter((p) => p.state === 'open').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const today = new Date().toISOString().slice(0, 10);
  return open.find((p) => p.dueOn >= today) ?? open.at(-1);
}

export default function BulkPage({ code }: { code: string }) {
  const { t } = useExtrasI18n();
  const { me } = useMe();
  const userId = me?.user?.id ?? 'anonymous';
  const [periods, setPeriods] = useState<Period[] | null>(null);
  const [periodsError, setPeriodsError] = useState<ApiError | null>(null);
  const [periodId, setPeriodId] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadWithCache<Period[]>(`/api/regions/${encodeURIComponent(code)}/periods`, `pilar.bulk.periods.v1:${code}`).then(
      ({ data }) => {
        if (!live) return;
        setPeriods(data);
        setPeriodId((cur) => cur ?? defaultPeriod(data)?.id ?? null);
      },
      (e: unknown) => { if (live) setPeriodsError(e instanceof ApiError ? e : new ApiError(0, 'network', null)); },
    );
    return () => { live = false; };
  }, [code]);

  const open = (periods ?? []).filter((p) => p.state === 'open');
  return (
    <>
      <PageHead title={t('bulk.title')} intro={t('bulk.intro')} />
      {periodsError && <ErrorAlert error={periodsError} />}
      {!periods && !periodsError && <Loading />}
      {periods && !open.length && <Alert kind="info"><p>{t('bulk.noPeriods')}</p></Alert>}
      {open.length > 1 && (
        <div className="field bulk-period">
          <label htmlFor="bulk-period">{t('bulk.period')}</label>
          <select id="bulk-period" value={periodId ?? ''} onChange={(e) => setPeriodId(e.target.value)}>
            {open.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </div>
      )}
      {periodId && me?.user && <PeriodGrid key={`${userId}/${periodId}`} code={code} periodId={periodId} userId={userId} />}
    </>
  );
}

/** Renders again whenever the store (outbox, syncer) says it changed. */
function useRerenderOn(subscribe: (l: () => void) => () => void): void {
  const [, setTick] = useState(0);
  useEffect(() => subscribe(() => setTick((n) => n + 1)), [subscribe]);
}

function PeriodGrid({ code, periodId, userId }: { code: string; periodId: string; userId: string }) {
  const { t, lang } = useExtrasI18n();
  const base = `/api/regions/${encodeURIComponent(code)}/periods/${encodeURIComponent(periodId)}`;
  const [drafts, setDrafts] = useState<ReadonlySet<string>>(() => new Set());
  const queue = useMemo(() => new EditQueue(kv, `pilar.bulk.outbox.v1:${userId}:${periodId}`), [userId, periodId]);
  const syncer = useMemo(() => new Syncer(queue, async (entries: PendingEdit[]) => {
    const body = { entries: entries.map((e) => ({ programId: e.programId, kpiId: e.kpiId, value: e.value, clientId: e.clientId, clientUpdatedAt: e.clientUpdatedAt, base: e.base })) };
    try {
      const r = await apiWrite<{ results: EntryResult[] }>('PUT', `${base}/kpi-values`, body);
      // A first saved value creates the program's draft report.
      const saved = r.results.filter((x) => x.status === 'saved').map((x) => x.programId);
      if (saved.length) setDrafts((d) => (saved.every((id) => d.has(id)) ? d : new Set([...d, ...saved])));
      return r.results;
    } catch (e) {
      // ApiError carries the HTTP status (0: no answer) that decides whether to retry.
      throw e instanceof ApiError ? e : { status: 0 };
    }
  }, {
    isOnline: () => navigator.onLine,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
  }), [queue, base]);
  useRerenderOn(useCallback((l) => queue.subscribe(l), [queue]));
  useRerenderOn(useCallback((l) => syncer.subscribe(l), [syncer]));
  const online = useSyncExternalStore(
    (l) => { window.addEventListener('online', l); window.addEventListener('offline', l); return () => { window.removeEventListener('online', l); window.removeEventListener('offline', l); }; },
    () => navigator.onLine,
  );

  const [grid, setGrid] = useState<Grid | null>(null);
  const [fromCache, setFromCache] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    loadWithCache<Grid>(`${base}/kpi-grid`, `pilar.bulk.grid.v1:${userId}:${periodId}`).then(({ data, fromCache: c }) => {
      if (!live) return;
      const values: Record<string, number | null> = {};
      for (const p of data.programs) for (const k of p.kpis) values[cellKey(p.id, k.id)] = k.value;
      queue.loadServer(values, !c);
      setGrid(data);
      setFromCache(c);
      // Whatever was typed before a reload (or while offline) goes out now.
      if (queue.size) syncer.now();
    }, (e: unknown) => { if (live) setError(e instanceof ApiError ? e : new ApiError(0, 'network', null)); });
    return () => { live = false; };
  }, [base, userId, periodId, queue, syncer]);

  useEffect(() => {
    syncer.resume();
    const up = () => syncer.now();
    const down = () => syncer.wentOffline();
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      syncer.stop();
    };
  }, [syncer]);

  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const move = (from: number, by: number) => {
    const list = inputs.current;
    for (let i = from + by; i >= 0 && i < list.length; i += by) {
      const el = list[i];
      if (el && !el.readOnly) {
        el.focus();
        el.select();
        return;
      }
    }
  };
  const onKey = (row: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) {
      e.preventDefault();
      move(row, 1);
    } else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) {
      e.preventDefault();
      move(row, -1);
    }
  };

  if (error) return <ErrorAlert error={error} />;
  if (!grid) return <Loading />;
  if (!grid.programs.length) return <Alert kind="info"><p>{t('bulk.noPrograms')}</p></Alert>;

  let row = -1;
  return (
    <div className="bulk">
      {fromCache && <Alert kind="warning"><p>{t('bulk.status.cached')}</p></Alert>}
      <StatusLine state={syncer.state} pending={queue.size} online={online} onRetry={() => syncer.now()} />
      <p className="small bulk-keys">{t('bulk.keys')}</p>
      <div className="table-scroll">
        <table className="data-table bulk-grid">
          <caption className="visually-hidden">{`${t('bulk.title')} — ${grid.period.label}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bulk.col.program')}</th>
              <th scope="col">{t('bulk.col.kpi')}</th>
              <th scope="col">{t('bulk.col.unit')}</th>
              <th scope="col" className="num">{t('bulk.col.target', { year: grid.period.year })}</th>
              <th scope="col" className="num">{t('bulk.col.last')}</th>
              <th scope="col">{t('bulk.col.value')}</th>
            </tr>
          </thead>
          {grid.programs.map((p) => (
            <tbody key={p.id}>
              {p.kpis.map((k, i) => {
                row++;
                return (
                  <tr key={k.id}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={p.kpis.length} className="bulk-program">
                        <span className="bulk-code">{p.code}</span> {p.title}
                        <span className="bulk-report small"> · {t(`bulk.report.${p.report?.status ?? (drafts.has(p.id) ? 'draft' : 'none')}`)}</span>
                        {p.lockedReason && <span className="bulk-locked small" id={`lock-${p.id}`}>{t('bulk.locked', { reason: p.lockedReason[lang] })}</span>}
                      </th>
                    )}
                    <td className="bulk-kpi">{k.name} {k.illustrative && <IllustrativeBadge />}</td>
                    <td data-label={t('bulk.col.unit')}>{k.unit}</td>
                    <td className="num" data-label={t('bulk.col.target', { year: grid.period.year })}>{k.target ? (k.target.valueMax !== null ? `${formatValue(k.target.value, lang)}–${formatValue(k.target.valueMax, lang)}` : formatValue(k.target.value, lang)) : t('bulk.noTarget')}</td>
                    <td className="num" data-label={t('bulk.col.last')}>{k.lastApproved ? <>{formatValue(k.lastApproved.value, lang)} <span className="small muted">({k.lastApproved.periodLabel})</span></> : t('bulk.noTarget')}</td>
                    <td className="bulk-value">
                      <Cell
                        queue={queue} program={p} kpi={k} row={row}
                        inputRef={(el) => { inputs.current[row] = el; }}
                        onKeyDown={onKey(row)}
                        onEdited={() => syncer.edited()}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}

function StatusLine({ state, pending, online, onRetry }: { state: SyncState; pending: number; online: boolean; onRetry: () => void }) {
  const { t } = useExtrasI18n();
  let text: string;
  let retry = false;
  if (!online || state.kind === 'offline') text = `${t('bulk.status.offline')} ${pending ? t('bulk.status.pending', { count: pending }) : ''}`;
  else if (state.kind === 'syncing') text = t('bulk.status.syncing');
  else if (state.kind === 'retrying') {
    text = `${t('bulk.status.pending', { count: pending })} ${t('bulk.status.retrying', { seconds: Math.round(state.inMs / 1000) })}`;
    retry = true;
  } else if (state.kind === 'error') {
    const e = state.error;
    text = t('bulk.status.error', { message: e instanceof ApiError && e.apiMessage ? e.apiMessage.id : String(state.status) });
    retry = true;
  } else text = pending ? t('bulk.status.pending', { count: pending }) : t('bulk.status.synced');
  const synced = online && state.kind === 'idle' && pending === 0;
  return (
    <div className={`bulk-status ${synced ? 'is-synced' : 'is-pending'}`} data-pending={pending}>
      <p role="status" aria-live="polite">{text.trim()}</p>
      {retry && <button type="button" className="button button-small" onClick={onRetry}>{t('bulk.status.retryNow')}</button>}
    </div>
  );
}

function Cell({ queue, program, kpi, inputRef, onKeyDown, onEdited }: {
  queue: EditQueue; program: GridProgram; kpi: GridKpi; row: number;
  inputRef: (el: HTMLInputElement | null) => void; onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void; onEdited: () => void;
}) {
  const { t, lang } = useExtrasI18n();
  const key = cellKey(program.id, kpi.id);
  const pending = queue.pendingOf(key);
  const conflict = queue.conflictOf(key);
  const rejection = queue.rejectionOf(key);
  const server = queue.serverValue(key);
  const shown = pending ? pending.value : conflict ? conflict.mine : rejection ? rejection.value : server !== undefined ? server : kpi.value;
  const [text, setText] = useState(() => formatInput(shown, lang));
  const [invalid, setInvalid] = useState(false);
  const focused = useRef(false);
  // Follow the value from outside (a conflict resolved, a reload) unless the user is typing.
  useEffect(() => {
    if (!focused.current && !invalid) setText(formatInput(shown, lang));
  }, [shown, lang, invalid]);

  const label = t('bulk.cellLabel', { kpi: kpi.name, program: program.title });
  const statusId = `cell-${program.id}-${kpi.id}`;
  const state = invalid ? 'invalid' : conflict ? 'conflict' : rejection ? 'rejected' : pending ? 'pending' : 'synced';
  return (
    <div className={`bulk-cell is-${state}`} data-sync={state}>
      <input
        ref={inputRef}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={[state !== 'synced' ? statusId : '', program.lockedReason ? `lock-${program.id}` : ''].filter(Boolean).join(' ') || undefined}
        readOnly={!program.editable}
        value={text}
        onFocus={() => { focused.current = true; }}
        onBlur={() => { focused.current = false; if (!invalid) setText(formatInput(shown, lang)); }}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          const n = parseNumber(v);
          if (n === undefined) {
            setInvalid(true);
            return;
          }
          setInvalid(false);
          queue.put(program.id, kpi.id, n);
          onEdited();
        }}
      />
      {state === 'pending' && <span className="bulk-flag" id={statusId}>{t('bulk.cell.notSynced')}</span>}
      {state === 'invalid' && <span className="bulk-flag bulk-bad" id={statusId}>{t('bulk.cell.invalid')}</span>}
      {conflict && (
        <span className="bulk-conflict" id={statusId} role="group" aria-label={t('bulk.cell.conflict', { server: formatValue(conflict.server, lang) })}>
          <span>{t('bulk.cell.conflict', { server: formatValue(conflict.server, lang) })}</span>
          <button type="button" className="button button-small" onClick={() => { queue.put(program.id, kpi.id, conflict.mine); onEdited(); }}>
            {t('bulk.cell.keepMine', { mine: formatValue(conflict.mine, lang) })}
          </button>
          <button type="button" className="button button-small" onClick={() => queue.takeServer(key)}>{t('bulk.cell.takeServer')}</button>
        </span>
      )}
      {rejection && <span className="bulk-flag bulk-bad" id={statusId}>{t('bulk.cell.rejected', { reason: rejection.reason[lang] })}</span>}
    </div>
  );
}
