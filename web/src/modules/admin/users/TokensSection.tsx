import { useState } from 'react';
import { apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { ApiToken, Lang, Role } from '../../../core/api/types.ts';
import { Alert, SelectField, TextField } from '../../../core/ui/form.tsx';
import { formatDateTime, useAdminI18n } from '../core/i18n.ts';
import { useForm, useSubmit } from '../core/useForm.ts';
import { useLive } from '../core/useLive.ts';
import { ConfirmButton, ErrorAlert, Loading, RoleBadge, ShownOnce, TableScroll, useErrorText } from '../core/ui.tsx';
import type { FieldErrors } from '../core/validation.ts';

const TOKEN_ROLES: Role[] = ['council', 'assessor', 'opd_officer', 'bappeda', 'coordinator'];
type TokenForm = { name: string; role: Role };
const check = (f: TokenForm, lang: Lang): FieldErrors => {
  if (!f.name.trim()) return { name: lang === 'en' ? 'Required' : 'Wajib diisi' };
  if (f.name.trim().length > 100) return { name: lang === 'en' ? 'At most 100 characters' : 'Paling banyak 100 karakter' };
  return {};
};

/** API tokens for machines (e.g. a region's own dashboard), scoped to the region and a role. */
export function TokensSection({ code, admin }: { code: string; admin: boolean }) {
  const { t, lang } = useAdminI18n();
  const errorText = useErrorText();
  const list = useLive<ApiToken[]>(paths.tokens());
  const form = useForm<TokenForm>({ name: '', role: 'council' }, check, lang);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const { submit, busy, error, setError } = useSubmit(form, ['name', 'role'], async () => {
    const res = await apiWrite<{ id: string; token: string }>('POST', paths.tokens(), { name: form.values.name.trim(), regionCode: code, role: form.values.role });
    setCreated({ name: form.values.name.trim(), token: res.token });
    form.reset({ name: '', role: form.values.role });
    await list.reload();
  });
  const revoke = async (tk: ApiToken) => {
    setError(null);
    try {
      await apiWrite('DELETE', paths.token(tk.id));
      await list.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const tokens = (list.data ?? []).filter((tk) => admin ? tk.regionCode === code || !tk.regionCode : true);
  return (
    <section className="section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.intro')}</p>
      {created && <ShownOnce label={t('tokens.createdOf', { name: created.name })} value={created.token} onDone={() => setCreated(null)} />}
      {error && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      <form className="card inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('tokens.create')}>
        <div className="form-grid">
          <TextField label={t('tokens.name')} name="tokenName" required value={form.values.name} onChange={(v) => form.set('name', v)} error={form.errorOf('name')} hint={t('tokens.nameHint')} />
          <SelectField label={t('tokens.role')} name="tokenRole" value={form.values.role} onChange={(v) => form.set('role', v as Role)} error={form.errorOf('role')}>
            {TOKEN_ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </SelectField>
        </div>
        <p><button type="submit" className="button" disabled={busy}>{t('tokens.create')}</button></p>
      </form>
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading height={120} />}
      {list.data && (tokens.length === 0 ? <p className="empty">{t('tokens.none')}</p> : (
        <TableScroll label={t('tokens.title')}>
          <table className="data-table">
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr><th scope="col">{t('tokens.name')}</th><th scope="col">{t('tokens.role')}</th><th scope="col">{t('tokens.lastUsed')}</th><th scope="col">{t('common.actions')}</th></tr>
            </thead>
            <tbody>
              {tokens.map((tk) => (
                <tr key={tk.id} className={tk.revokedAt ? 'is-inactive' : ''}>
                  <th scope="row">{tk.name}<span className="muted small user-email">{t('tokens.created', { date: formatDateTime(tk.createdAt, lang) })}</span></th>
                  <td><RoleBadge role={tk.role} /></td>
                  <td>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt, lang) : t('tokens.never')}</td>
                  <td className="cell-actions">
                    {tk.revokedAt
                      ? <span className="badge badge-unpublished">{t('tokens.revoked')}</span>
                      : <ConfirmButton label={t('tokens.revoke')} confirm={t('tokens.revokeConfirm', { name: tk.name })} onConfirm={() => revoke(tk)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ))}
    </section>
  );
}
