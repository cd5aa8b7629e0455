import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { AdminProgram, HistoryEntry, Me, ProgramWriteResult } from '../../../core/api/types.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { DiffTable } from '../changes/DiffTable.tsx';
import { accessTo, programMode } from '../core/access.ts';
import { formatDateTime, useAdminI18n } from '../core/i18n.ts';
import { useLive } from '../core/useLive.ts';
import { ConfirmButton, ErrorAlert, Loading, PageHead, useErrorText } from '../core/ui.tsx';

/** "/admin/program/:id/riwayat": every version with who, when and what changed; restore one. */
export function ProgramHistory({ me, id }: { me: Me; id: string }) {
  const { t, lang } = useAdminI18n();
  const errorText = useErrorText();
  const program = useLive<AdminProgram>(paths.program(id));
  const history = useLive<HistoryEntry[]>(paths.programHistory(id));
  const [result, setResult] = useState<{ version: number; status: 'published' | 'pending' } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const p = program.data;
  const mode = p ? programMode(accessTo(me, p.region.code), p.leadOpd.id) : null;

  const restore = async (version: number) => {
    if (!p) return;
    setError(null);
    setResult(null);
    try {
      const res = await apiWrite<ProgramWriteResult>('POST', paths.programRestore(id), { version, currentVersion: p.version });
      clearApiCache();
      setResult({ version, status: res?.status === 'pending' ? 'pending' : 'published' });
      await Promise.all([program.reload(), history.reload()]);
    } catch (e) {
      setError(asApiError(e));
    }
  };
  const entries = [...(history.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <>
      <PageHead title={t('history.title')} eyebrow={p ? <><span className="code">{p.code}</span> {p.title}</> : undefined}
        actions={<Link href={`/program/${id}`} className="button button-small">{t('history.toEditor')}</Link>} />
      {result && <Alert kind={result.status === 'pending' ? 'info' : 'success'}><p>{t(result.status === 'pending' ? 'history.restoredPending' : 'history.restored', { version: result.version })}</p></Alert>}
      {error && (
        <Alert kind="error" title={error.code === 'version_conflict' ? t('program.conflictTitle') : t('program.saveFailed')}>
          <p>{errorText(error)}</p>
          {error.code === 'version_conflict' && <p><button type="button" className="button" onClick={() => { setError(null); void program.reload(); void history.reload(); }}>{t('program.reload')}</button></p>}
        </Alert>
      )}
      {(program.error || history.error) && <ErrorAlert error={(program.error ?? history.error)!} />}
      {!history.data && !history.error && <Loading height={300} />}
      {history.data && entries.length === 0 && <p className="empty">{t('history.empty')}</p>}
      <ol className="history-list">
        {entries.map((h) => {
          const current = p?.version === h.version;
          return (
            <li key={h.version} className="card history-entry">
              <div className="change-head">
                <h2 className="change-title">{t('history.version', { version: h.version })}</h2>
                <span className="badge">{t(`history.actions.${h.action}` as 'history.actions.update', { defaultValue: h.action })}</span>
                {current && <span className="badge badge-adopted">{t('history.current')}</span>}
              </div>
              <p className="muted small">{t('history.by', { name: h.by?.name ?? t('history.system'), date: formatDateTime(h.at, lang) })}</p>
              {h.changes.length > 0 && <DiffTable diff={h.changes} regionCode={p?.region.code ?? null} />}
              {!current && mode !== null && (
                <p className="row-actions">
                  <ConfirmButton className="button button-small" label={t('history.restore')} confirm={t('history.restoreConfirm', { version: h.version })} onConfirm={() => restore(h.version)} />
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

