import { Link } from 'wouter';
import type { ApiError } from '../api/client.ts';
import { pick } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

/** Not-found page body: used for unknown routes and for API 404s. */
export function NotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="notice notice-center" aria-labelledby="nf-title">
      <p className="notice-code" aria-hidden="true">404</p>
      <h1 id="nf-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p><Link href="/" className="button">{t('notFound.home')}</Link></p>
    </section>
  );
}

/** What to show when a request failed. */
export function ErrorState({ error }: { error: ApiError }) {
  const { t, lang } = useI18n();
  if (error.status === 404) return <NotFound />;
  const detail = error.apiMessage ? pick(error.apiMessage, lang) : error.status === 0 ? t('error.network') : t('error.server');
  return (
    <section className="notice" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{detail}</p>
      <p><button type="button" className="button" onClick={() => window.location.reload()}>{t('error.retry')}</button></p>
    </section>
  );
}

/** Inline error inside a section (the rest of the page still works). */
export function InlineError({ error }: { error: ApiError }) {
  const { t, lang } = useI18n();
  const detail = error.apiMessage ? pick(error.apiMessage, lang) : t('error.network');
  return <p className="inline-error" role="alert">{t('error.section')} {detail}</p>;
}
