import { useConfig, useParticipants } from '../../../core/api/hooks.ts';
import { useI18n } from '../../../core/i18n.ts';
import { ErrorState } from '../../../core/ui/ErrorState.tsx';
import { Skeleton } from '../../../core/ui/Skeleton.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { LazyMount } from '../../maps/LazyMount.tsx';
import { NationalMap } from '../../maps/lazy.ts';
import { ParticipantCard } from './ParticipantCard.tsx';

/** "/": the participating regions on a map of Indonesia and as cards. */
export function NationalPage() {
  const { t } = useI18n();
  const participants = useParticipants();
  const config = useConfig();
  useDocumentTitle(t('national.title'));
  if (participants.error) return <ErrorState error={participants.error} />;
  const list = [...(participants.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return (
    <>
      <div className="page-head">
        <h1>{t('national.title')}</h1>
        <p className="lead">{t('national.intro')}</p>
      </div>
      <section aria-labelledby="map-title" className="section">
        <h2 id="map-title" className="visually-hidden">{t('national.mapTitle')}</h2>
        {participants.data && config.data ? (
          <LazyMount height="var(--map-h)" label={t('national.mapLabel')}>
            <NationalMap participants={list} tileUrl={config.data.tileUrl} />
          </LazyMount>
        ) : (
          <Skeleton height="var(--map-h)" />
        )}
        <p className="map-legend">
          <span className="legend-swatch legend-participating" aria-hidden="true" /> {t('national.legendParticipating')}
          <span className="legend-swatch legend-other" aria-hidden="true" /> {t('national.legendOther')}
        </p>
      </section>
      <section aria-labelledby="list-title" className="section">
        <h2 id="list-title">{t('national.listTitle')}</h2>
        {participants.data ? (
          list.length ? (
            <ul className="card-grid" aria-label={t('national.listTitle')}>
              {list.map((p) => <ParticipantCard key={p.code} p={p} />)}
            </ul>
          ) : (
            <p>{t('national.empty')}</p>
          )
        ) : (
          <div className="card-grid">{[0, 1, 2, 3].map((i) => <Skeleton key={i} height={196} />)}</div>
        )}
      </section>
    </>
  );
}
