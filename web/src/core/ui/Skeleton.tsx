import { useI18n } from '../i18n.ts';

/** Grey placeholder with a fixed height, so content arriving later does not shift the page. */
export function Skeleton({ height, width, className = '' }: { height: number | string; width?: number | string; className?: string }) {
  return <div className={`sk ${className}`} style={{ height, width }} aria-hidden="true" />;
}

/** Placeholder of a whole page body while its data loads. */
export function PageSkeleton({ blocks = [220, 160, 260] }: { blocks?: number[] }) {
  const { t } = useI18n();
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">{t('app.loading')}</p>
      <div className="sk sk-crumbs" aria-hidden="true" />
      <div className="sk sk-title" aria-hidden="true" />
      <div className="sk sk-line" aria-hidden="true" />
      {blocks.map((h, i) => <Skeleton key={i} height={h} className="sk-gap" />)}
    </div>
  );
}
