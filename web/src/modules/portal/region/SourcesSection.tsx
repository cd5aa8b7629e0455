import { useI18n } from '../../../core/i18n.ts';

export function SourcesSection({ sources }: { sources: string[] }) {
  const { t } = useI18n();
  return (
    <section id="sources" className="section" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('region.sources.title')}</h2>
      {sources.length ? (
        <ul className="sources" lang="id">{sources.map((s, i) => <li key={i}>{/^https?:\/\//.test(s) ? <a href={s} rel="noopener">{s}</a> : s}</li>)}</ul>
      ) : (
        <p className="muted">{t('common.none')}</p>
      )}
    </section>
  );
}
