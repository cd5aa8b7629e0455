import type { Masterplan } from '../../../core/api/types.ts';
import { formatPeriod } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { StatusBadge } from '../../../core/ui/StatusBadge.tsx';

/** Title, period, vision, mission, legal basis and status; invented fields are badged. */
export function MasterplanSummary({ masterplan: m }: { masterplan: Masterplan }) {
  const { t } = useI18n();
  const ill = (...fields: string[]) => <IllustrativeBadge show={fields.some((f) => m.illustrativeFields.includes(f))} />;
  return (
    <section id="summary" className="section" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('region.summary.title')}</h2>
      <dl className="summary-list">
        <div><dt>{t('region.summary.docTitle')}</dt><dd>{m.title} {ill('title')}</dd></div>
        <div><dt>{t('region.summary.period')}</dt><dd>{formatPeriod(m.periodStart, m.periodEnd)} {ill('periodStart', 'periodEnd', 'period')}</dd></div>
        <div><dt>{t('region.summary.vision')}</dt><dd className="prose" lang="id">{m.vision || '—'} {ill('vision')}</dd></div>
        <div>
          <dt>{t('region.summary.mission')}</dt>
          <dd>
            {m.mission.length ? <ol className="mission" lang="id">{m.mission.map((x, i) => <li key={i}>{x}</li>)}</ol> : '—'} {ill('mission')}
          </dd>
        </div>
        <div><dt>{t('region.summary.legalBasis')}</dt><dd lang="id">{m.legalBasis || '—'} {ill('legalBasis')}</dd></div>
        <div><dt>{t('region.summary.status')}</dt><dd><StatusBadge status={m.status} /> {ill('status')}</dd></div>
        <div><dt>{t('region.summary.framework')}</dt><dd>{m.frameworkVersion}</dd></div>
      </dl>
    </section>
  );
}
