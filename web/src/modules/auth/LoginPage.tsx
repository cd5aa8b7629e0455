import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError, asApiError } from '../../core/api/client.ts';
import { login, useMe } from '../../core/auth/me.ts';
import { pick } from '../../core/format.ts';
import { useI18n } from '../../core/i18n.ts';
import { Alert, TextField } from '../../core/ui/form.tsx';
import { useDocumentTitle } from '../../core/ui/useDocumentTitle.ts';

type FieldName = 'email' | 'password' | 'totp';

/** Where to go after logging in: a local path from ?lanjut=, else the console. */
function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('lanjut') ?? '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/admin';
}

/** "/masuk": log in with email and password, plus a 6-digit code when the account has TOTP. */
export function LoginPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('auth.title'));
  const { me } = useMe();
  const [, navigate] = useLocation();
  const search = useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const fieldOf = (e: ApiError | null): FieldName | null => {
    if (!e) return null;
    if (e.code === 'totp_required') return 'totp';
    const f = (e.field ?? '').replace(/^body\./, '');
    return f === 'email' || f === 'password' || f === 'totp' ? f : null;
  };
  const errorField = fieldOf(error);
  const message = (e: ApiError) => (e.apiMessage ? pick(e.apiMessage, lang) : e.status === 0 ? t('error.network') : e.status === 429 ? t('auth.tooMany') : t('error.server'));
  const errorFor = (f: FieldName) => (error && errorField === f && !(f === 'totp' && !totp) ? message(error) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ email: email.trim(), password, ...(needTotp && totp ? { totp: totp.trim() } : {}) });
      navigate(nextPath(search), { replace: true });
    } catch (err) {
      const apiErr = asApiError(err);
      if (apiErr.code === 'totp_required') setNeedTotp(true);
      setError(apiErr);
    } finally {
      setBusy(false);
    }
  };

  if (me?.user) {
    return (
      <section className="auth-card card" aria-labelledby="login-title">
        <h1 id="login-title">{t('auth.title')}</h1>
        <p>{t('auth.already', { name: me.user.name })}</p>
        <p><Link href="/admin" className="button">{t('auth.toConsole')}</Link></p>
      </section>
    );
  }

  return (
    <section className="auth-card card" aria-labelledby="login-title">
      <h1 id="login-title">{t('auth.title')}</h1>
      <p className="muted">{t('auth.intro')}</p>
      {error && !errorField && <Alert kind="error">{message(error)}</Alert>}
      {needTotp && !totp && <Alert kind="info">{t('auth.totpNeeded')}</Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="form-stack">
        <TextField label={t('auth.email')} name="email" type="email" autoComplete="username" inputMode="email"
          required value={email} onChange={setEmail} error={errorFor('email')} />
        <TextField label={t('auth.password')} name="password" type="password" autoComplete="current-password"
          required value={password} onChange={setPassword} error={errorFor('password')} />
        {needTotp && (
          <TextField label={t('auth.totp')} name="totp" inputMode="numeric" autoComplete="one-time-code"
            pattern="[0-9]{6}" maxLength={6} value={totp} ref={totpRef}
            onChange={(v) => setTotp(v.replace(/\D/g, '').slice(0, 6))} hint={t('auth.totpHint')} error={errorFor('totp')} />
        )}
        <p><button type="submit" className="button" disabled={busy}>{busy ? t('auth.busy') : t('auth.submit')}</button></p>
      </form>
    </section>
  );
}
