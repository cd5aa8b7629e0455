import { useMemo, useState } from 'react';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { Lang, RegionOpd, Role, User } from '../../../core/api/types.ts';
import { Alert, SelectField, TextField } from '../../../core/ui/form.tsx';
import type { Access } from '../core/access.ts';
import { useAdminI18n } from '../core/i18n.ts';
import { useForm, useSubmit } from '../core/useForm.ts';
import { useLive } from '../core/useLive.ts';
import { ConfirmButton, ErrorAlert, Loading, PageHead, RoleBadge, ShownOnce, TableScroll, useErrorText } from '../core/ui.tsx';
import type { FieldErrors } from '../core/validation.ts';
import { TokensSection } from './TokensSection.tsx';

type NewUser = { email: string; name: string; role: Role; opdId: string };
const FIELDS = ['email', 'name', 'role', 'opdId', 'regionCode'];
/** Roles a coordinator may give in their region; a national admin may also create assessors and admins. */
const REGION_ROLES: Role[] = ['coordinator', 'bappeda', 'opd_officer', 'council'];

/** The server's rules for a new user (src/modules/accounts/users.ts `userInput`), as the user types. */
function checkUser(f: NewUser, lang: Lang): FieldErrors {
  const say = (id: string, en: string) => (lang === 'en' ? en : id);
  const out: FieldErrors = {};
  const email = f.email.trim();
  if (!email) out.email = say('Wajib diisi', 'Required');
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200) out.email = say('Alamat email tidak valid', 'Not a valid email address');
  if (!f.name.trim()) out.name = say('Wajib diisi', 'Required');
  else if (f.name.trim().length > 200) out.name = say('Paling banyak 200 karakter', 'At most 200 characters');
  if (f.role === 'opd_officer' && !f.opdId) out.opdId = say('Petugas OPD butuh OPD', 'An OPD officer needs an OPD');
  return out;
}

function AddUser({ code, opds, roles, onCreated, onCancel }: {
  code: string; opds: RegionOpd[]; roles: Role[]; onCreated: (u: User, temporaryPassword?: string) => void; onCancel: () => void;
}) {
  const { t, lang } = useAdminI18n();
  const errorText = useErrorText();
  const form = useForm<NewUser>({ email: '', name: '', role: 'opd_officer', opdId: '' }, checkUser, lang);
  const f = form.values;
  const { submit, busy, error } = useSubmit(form, FIELDS, async () => {
    const body = {
      email: f.email.trim(), name: f.name.trim(), role: f.role,
      regionCode: f.role === 'national_admin' || f.role === 'assessor' ? null : code,
      opdId: f.role === 'opd_officer' ? f.opdId : null,
      ...(f.role === 'assessor' ? { assessorRegions: [code] } : {}),
    };
    const res = await apiWrite<{ user: User; temporaryPassword?: string } | User>('POST', paths.userWrite(), body);
    const user = 'user' in res ? res.user : res;
    onCreated(user, 'temporaryPassword' in res ? res.temporaryPassword : undefined);
  });
  return (
    <form className="card inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('users.add')}>
      {error && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      <div className="form-grid">
        <TextField label={t('users.email')} name="email" type="email" required autoComplete="off" value={f.email} onChange={(v) => form.set('email', v)} error={form.errorOf('email')} autoFocus />
        <TextField label={t('users.name')} name="name" required autoComplete="off" value={f.name} onChange={(v) => form.set('name', v)} error={form.errorOf('name')} />
        <SelectField label={t('users.role')} name="role" required value={f.role} onChange={(v) => form.set('role', v as Role)} error={form.errorOf('role')}>
          {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </SelectField>
        {f.role === 'opd_officer' && (
          <SelectField label={t('users.opd')} name="opdId" required value={f.opdId} onChange={(v) => form.set('opdId', v)} error={form.errorOf('opdId')}>
            <option value="">{t('program.pickOpd')}</option>
            {opds.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.abbreviation})</option>)}
          </SelectField>
        )}
      </div>
      <p className="field-hint">{t('users.tempHint')}</p>
      <p className="row-actions">
        <button type="submit" className="button" disabled={busy}>{t('users.add')}</button>
        <button type="button" className="button button-secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </p>
    </form>
  );
}

/** "/admin/wilayah/:code/pengguna": accounts of the region, and API tokens. */
export function UsersPage({ code, access }: { code: string; access: Access }) {
  const { t } = useAdminI18n();
  const errorText = useErrorText();
  const list = useLive<User[]>(paths.users(code));
  const opds = useLive<RegionOpd[]>(paths.opds(code));
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const admin = access.user.role === 'national_admin';
  const roles: Role[] = admin ? ['coordinator', 'bappeda', 'opd_officer', 'council', 'assessor', 'national_admin'] : REGION_ROLES;
  const opdName = useMemo(() => new Map((opds.data ?? []).map((o) => [o.id, o.abbreviation])), [opds.data]);

  const act = async (fn: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    setSecret(null);
    try {
      await fn();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const setActive = (u: User, active: boolean) => act(async () => {
    await apiWrite('PATCH', paths.user(u.id), { active });
    setMessage(t(active ? 'users.activated' : 'users.deactivated', { name: u.name }));
    await list.reload();
  });
  const reset = (u: User) => act(async () => {
    const res = await apiWrite<{ temporaryPassword: string }>('POST', paths.resetPassword(u.id));
    setSecret({ label: t('users.tempPasswordOf', { name: u.name }), value: res.temporaryPassword });
  });
  const users = [...(list.data ?? [])].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'id'));

  return (
    <>
      <PageHead title={t('users.title')} intro={t('users.intro')}
        actions={!adding && <button type="button" className="button" onClick={() => { setAdding(true); setSecret(null); setMessage(null); }}>{t('users.add')}</button>} />
      {secret && <ShownOnce label={secret.label} value={secret.value} onDone={() => setSecret(null)} />}
      {message && <Alert kind="success"><p>{message}</p></Alert>}
      {error && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      {adding && (
        <AddUser code={code} opds={[...(opds.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'))} roles={roles} onCancel={() => setAdding(false)}
          onCreated={(u, temp) => {
            setAdding(false);
            setMessage(t('users.created', { name: u.name }));
            if (temp) setSecret({ label: t('users.tempPasswordOf', { name: u.name }), value: temp });
            void list.reload();
          }} />
      )}
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading height={300} />}
      {list.data && (
        <TableScroll label={t('users.title')}>
          <table className="data-table users-table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.active ? '' : 'is-inactive'}>
                  <th scope="row">
                    <span className="user-name">{u.name}</span>
                    <span className="muted small user-email">{u.email}</span>
                  </th>
                  <td>
                    <RoleBadge role={u.role} />
                    {u.opdId && <span className="muted small"> · {opdName.get(u.opdId) ?? ''}</span>}
                  </td>
                  <td>
                    <span className={`badge ${u.active ? 'badge-adopted' : 'badge-unpublished'}`}>{u.active ? t('users.active') : t('users.inactive')}</span>
                    {u.totpEnabled && <span className="badge">{t('users.totp')}</span>}
                  </td>
                  <td className="cell-actions">
                    {u.id !== access.user.id && (admin || !['assessor', 'national_admin'].includes(u.role)) && (
                      <span className="row-actions">
                        <ConfirmButton className="button button-small" label={t('users.resetPassword')} confirm={t('users.resetConfirm', { name: u.name })} onConfirm={() => reset(u)} />
                        {u.active
                          ? <ConfirmButton label={t('users.deactivate')} confirm={t('users.deactivateConfirm', { name: u.name })} onConfirm={() => setActive(u, false)} />
                          : <button type="button" className="button button-small" onClick={() => void setActive(u, true)}>{t('users.activate')}</button>}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <TokensSection code={code} admin={admin} />
    </>
  );
}
