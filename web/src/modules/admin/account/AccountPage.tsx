import { useState, type FormEvent } from 'react';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { Lang, Me } from '../../../core/api/types.ts';
import { loadMe } from '../../../core/auth/me.ts';
import { Alert, TextField } from '../../../core/ui/form.tsx';
import { useAdminI18n } from '../core/i18n.ts';
import { useForm, useSubmit } from '../core/useForm.ts';
import { PageHead, RoleBadge, useErrorText } from '../core/ui.tsx';
import type { FieldErrors } from '../core/validation.ts';

type PwForm = { currentPassword: string; newPassword: string; repeat: string };
/** The server's rules (min 10 characters, differs from the old one) plus "typed twice the same". */
function checkPassword(f: PwForm, lang: Lang): FieldErrors {
  const say = (id: string, en: string) => (lang === 'en' ? en : id);
  const out: FieldErrors = {};
  if (!f.currentPassword) out.currentPassword = say('Wajib diisi', 'Required');
  if (f.newPassword.length < 10) out.newPassword = say('Minimal 10 karakter', 'At least 10 characters');
  else if (f.newPassword.length > 200) out.newPassword = say('Paling banyak 200 karakter', 'At most 200 characters');
  else if (f.newPassword === f.currentPassword) out.newPassword = say('Harus berbeda dari yang lama', 'Must differ from the old one');
  if (f.repeat !== f.newPassword) out.repeat = say('Tidak sama dengan kata sandi baru', 'Does not match the new password');
  return out;
}

function PasswordForm() {
  const { t, lang } = useAdminI18n();
  const errorText = useErrorText();
  const form = useForm<PwForm>({ currentPassword: '', newPassword: '', repeat: '' }, checkPassword, lang);
  const [done, setDone] = useState(false);
  const f = form.values;
  const { submit, error } = useSubmit(form, ['currentPassword', 'newPassword'], async () => {
    setDone(false);
    await apiWrite('POST', paths.password(), { currentPassword: f.currentPassword, newPassword: f.newPassword });
    form.reset({ currentPassword: '', newPassword: '', repeat: '' });
    setDone(true);
    void loadMe(true).catch(() => undefined);
  });
  return (
    <section className="section card" aria-labelledby="pw-title">
      <h2 id="pw-title">{t('account.password')}</h2>
      {done && <Alert kind="success"><p>{t('account.passwordChanged')}</p></Alert>}
      {error && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="form-stack narrow">
        <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
        <TextField label={t('account.current')} name="currentPassword" type="password" autoComplete="current-password" required value={f.currentPassword} onChange={(v) => form.set('currentPassword', v)} error={form.errorOf('currentPassword')} />
        <TextField label={t('account.new')} name="newPassword" type="password" autoComplete="new-password" required value={f.newPassword} onChange={(v) => form.set('newPassword', v)} error={form.errorOf('newPassword')} hint={t('account.newHint')} />
        <TextField label={t('account.repeat')} name="repeat" type="password" autoComplete="new-password" required value={f.repeat} onChange={(v) => form.set('repeat', v)} error={form.errorOf('repeat')} />
        <p><button type="submit" className="button">{t('account.changePassword')}</button></p>
      </form>
    </section>
  );
}

function TotpSection({ me }: { me: Me }) {
  const { t } = useAdminI18n();
  const errorText = useErrorText();
  const enabled = me.user?.totpEnabled ?? false;
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<'enabled' | 'disabled' | null>(null);
  const [tried, setTried] = useState(false);
  const codeError = tried && !/^\d{6}$/.test(code) ? t('account.totpCodeRule') : error?.field === 'code' || error?.field === 'body.code' ? errorText(error) : null;
  const start = async () => {
    setError(null);
    setDone(null);
    try {
      setSetup(await apiWrite<{ secret: string; otpauthUrl: string }>('POST', paths.totpSetup()));
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const confirm = async (e: FormEvent, enable: boolean) => {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (!/^\d{6}$/.test(code)) return;
    try {
      await apiWrite('POST', enable ? paths.totpEnable() : paths.totpDisable(), { code });
      setDone(enable ? 'enabled' : 'disabled');
      setSetup(null);
      setCode('');
      setTried(false);
      await loadMe(true);
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const codeField = (
    <TextField label={t('account.totpCode')} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required
      value={code} onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))} error={codeError} />
  );
  return (
    <section className="section card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('account.totp')}</h2>
      <p className="muted">{t('account.totpIntro')}</p>
      {done && <Alert kind="success"><p>{t(done === 'enabled' ? 'account.totpEnabled' : 'account.totpDisabled')}</p></Alert>}
      {error && error.field !== 'code' && error.field !== 'body.code' && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      <p>{t('account.totpStatus')}: <strong>{enabled ? t('account.on') : t('account.off')}</strong></p>
      {!enabled && !setup && <p><button type="button" className="button" onClick={() => void start()}>{t('account.totpStart')}</button></p>}
      {!enabled && setup && (
        <form onSubmit={(e) => void confirm(e, true)} noValidate className="form-stack narrow">
          <p>{t('account.totpScan')}</p>
          <dl className="summary-list secret-list">
            <div><dt>{t('account.totpSecret')}</dt><dd><code className="secret" tabIndex={0}>{setup.secret}</code></dd></div>
            <div><dt>{t('account.totpUrl')}</dt><dd><code className="secret" tabIndex={0}>{setup.otpauthUrl}</code></dd></div>
          </dl>
          {codeField}
          <p><button type="submit" className="button">{t('account.totpEnable')}</button></p>
        </form>
      )}
      {enabled && (
        <form onSubmit={(e) => void confirm(e, false)} noValidate className="form-stack narrow">
          {codeField}
          <p><button type="submit" className="button button-danger">{t('account.totpDisable')}</button></p>
        </form>
      )}
    </section>
  );
}

/** "/admin/akun": own password and two-step verification. */
export function AccountPage({ me }: { me: Me }) {
  const { t } = useAdminI18n();
  const u = me.user!;
  const totpRoles = ['national_admin', 'coordinator', 'bappeda'];
  return (
    <>
      <PageHead title={t('account.title')} eyebrow={<>{u.name} · <RoleBadge role={u.role} /></>} intro={u.email} />
      <PasswordForm />
      {totpRoles.includes(u.role) && <TotpSection me={me} />}
    </>
  );
}
