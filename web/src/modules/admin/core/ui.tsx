import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../../../core/api/client.ts';
import type { ChangeStatus, Role } from '../../../core/api/types.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { useAdminI18n } from './i18n.ts';
import { serverMessage } from './validation.ts';

export function PageHead({ title, intro, actions, eyebrow }: { title: string; intro?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page-head admin-page-head">
      <div>
        {eyebrow && <p className="eyebrow">{eyebrow}</p>}
        <h1>{title}</h1>
        {intro && <p className="lead">{intro}</p>}
      </div>
      {actions && <div className="head-actions">{actions}</div>}
    </div>
  );
}

/** The message of a failed request in the current language. */
export function useErrorText() {
  const { tc, lang } = useAdminI18n();
  return (err: ApiError) => serverMessage(err, lang, err.status === 0 ? tc('error.network') : err.status === 403 ? tc('error.server') : tc('error.server'));
}

export function ErrorAlert({ error, title }: { error: ApiError; title?: ReactNode }) {
  const text = useErrorText();
  return <Alert kind="error" title={title}><p>{text(error)}</p></Alert>;
}

export function Loading({ height = 160 }: { height?: number }) {
  const { tc } = useAdminI18n();
  return (
    <div className="sk sk-gap" style={{ height }} aria-busy="true">
      <span className="visually-hidden" role="status">{tc('app.loading')}</span>
    </div>
  );
}

/** A destructive action asks once more, inline (no browser dialog). */
export function ConfirmButton({ label, confirm, onConfirm, className = 'button button-small button-danger', disabled }: {
  label: string; confirm: string; onConfirm: () => void | Promise<void>; className?: string; disabled?: boolean;
}) {
  const { t } = useAdminI18n();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking) return <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <span className="confirm" role="group" aria-label={confirm}>
      <span className="confirm-q">{confirm}</span>
      <button ref={yes} type="button" className="button button-small button-danger" onClick={() => { setAsking(false); void onConfirm(); }}>{t('common.yes')}</button>
      <button type="button" className="button button-small" onClick={() => setAsking(false)}>{t('common.no')}</button>
    </span>
  );
}

/** A secret the server shows only once (temporary password, API token): select-all text and a copy button. */
export function ShownOnce({ label, value, onDone }: { label: string; value: string; onDone?: () => void }) {
  const { t } = useAdminI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Alert kind="warning" title={label}>
      <p className="small">{t('common.shownOnce')}</p>
      <p><code className="secret" tabIndex={0}>{value}</code></p>
      <p className="row-actions">
        <button type="button" className="button button-small" onClick={() => void copy()}>{copied ? t('common.copied') : t('common.copy')}</button>
        {onDone && <button type="button" className="button button-small" onClick={onDone}>{t('common.done')}</button>}
      </p>
    </Alert>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useAdminI18n();
  return <span className={`badge badge-role role-${role}`}>{t(`roles.${role}`)}</span>;
}

export function ChangeStatusBadge({ status }: { status: ChangeStatus }) {
  const { t } = useAdminI18n();
  return <span className={`badge badge-change-${status}`}>{t(`changes.status.${status}`)}</span>;
}

export function PublishedBadge({ published }: { published: boolean | undefined }) {
  const { t } = useAdminI18n();
  if (published === undefined) return null;
  return <span className={`badge ${published ? 'badge-adopted' : 'badge-unpublished'}`}>{published ? t('programs.published') : t('programs.unpublished')}</span>;
}

/**
 * A wide table's horizontal scroll box. When it does scroll, it becomes a focusable, named
 * region so keyboard users can scroll it too.
 */
export function TableScroll({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={ref} className={`table-scroll ${className}`} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}
