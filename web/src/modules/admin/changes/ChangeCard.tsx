import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { Change } from '../../../core/api/types.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { Alert, TextArea } from '../../../core/ui/form.tsx';
import { formatDateTime, useAdminI18n } from '../core/i18n.ts';
import { ChangeStatusBadge, useErrorText } from '../core/ui.tsx';
import { DiffTable } from './DiffTable.tsx';

/** Approve, or reject with a comment for the author. */
function Decide({ change, onDecided }: { change: Change; onDecided: (c: Change, how: 'approved' | 'rejected') => void }) {
  const { t } = useAdminI18n();
  const errorText = useErrorText();
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (how: 'approved' | 'rejected') => {
    setBusy(true);
    setError(null);
    try {
      if (how === 'approved') await apiWrite('POST', paths.approve(change.id));
      else await apiWrite('POST', paths.reject(change.id), { comment: comment.trim() });
      clearApiCache();
      onDecided(change, how);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!comment.trim()) return;
    void run('rejected');
  };
  return (
    <div className="decide">
      {error && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      {!rejecting ? (
        <p className="row-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run('approved')}>{t('changes.approve')}</button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => setRejecting(true)}>{t('changes.reject')}</button>
        </p>
      ) : (
        <form onSubmit={submitReject} className="form-stack" noValidate>
          <TextArea label={t('changes.comment')} name="comment" required rows={3} value={comment} onChange={setComment}
            hint={t('changes.commentHint')} error={tried && !comment.trim() ? t('changes.commentRequired') : null} autoFocus />
          <p className="row-actions">
            <button type="submit" className="button button-danger" disabled={busy}>{t('changes.sendReject')}</button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setRejecting(false)}>{t('common.cancel')}</button>
          </p>
        </form>
      )}
    </div>
  );
}

/** One proposed change: what, who, when, the diff, the reviewer's comment, and (for deciders) the decision. */
export function ChangeCard({ change: c, canDecide, onDecided, headingLevel = 3 }: {
  change: Change; canDecide: boolean; onDecided?: (c: Change, how: 'approved' | 'rejected') => void; headingLevel?: 2 | 3;
}) {
  const { t, lang } = useAdminI18n();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card change-card" aria-label={`${c.entityTitle} (${t(`changes.action.${c.action}`)})`}>
      <div className="change-head">
        <H className="change-title">
          {c.entityType === 'program' ? <Link href={`/program/${c.entityId}`}>{c.entityTitle}</Link> : c.entityTitle}
        </H>
        <span className="badge">{t(`changes.entity.${c.entityType}`)} · {t(`changes.action.${c.action}`)}</span>
        <ChangeStatusBadge status={c.status} />
      </div>
      <p className="change-meta muted small">
        {t('changes.proposedBy', { name: c.author.name, date: formatDateTime(c.createdAt, lang) })}
        {' · '}{t('changes.baseVersion', { version: c.baseVersion })}
      </p>
      <DiffTable diff={c.diff} regionCode={c.regionCode} caption={t('changes.diffCaption')} />
      {c.status !== 'pending' && (
        <div className={`review-note review-${c.status}`}>
          <p className="small">
            {t(c.status === 'approved' ? 'changes.approvedBy' : 'changes.rejectedBy', { name: c.decidedBy?.name ?? '—', date: formatDateTime(c.decidedAt, lang) })}
          </p>
          {c.comment && <blockquote className="review-comment"><span className="visually-hidden">{t('changes.comment')}: </span>{c.comment}</blockquote>}
        </div>
      )}
      {canDecide && c.status === 'pending' && onDecided && <Decide change={c} onDecided={onDecided} />}
    </article>
  );
}
