import type { Masterplan, ReadinessAspect, SwotKind } from '../../../core/api/types.ts';
import { pick } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { pillarClass, sortByPillar } from '../../../core/pillars.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';

const ASPECTS: ReadinessAspect[] = ['struktur', 'infrastruktur', 'suprastruktur'];
const SWOT: SwotKind[] = ['strength', 'weakness', 'opportunity', 'threat'];

/** Readiness per dimension: struktur / infrastruktur / suprastruktur, each with its SWOT. Collapsible. */
export function ReadinessSection({ masterplan: m }: { masterplan: Masterplan }) {
  const { t, lang } = useI18n();
  return (
    <section id="readiness" className="section" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('region.readiness.title')}</h2>
      <p className="muted">{t('region.readiness.intro')}</p>
      {m.readiness.length === 0 && <p className="empty">{t('region.readiness.empty')}</p>}
      {sortByPillar(m.dimensions, (d) => d.key).map((d) => {
        const rows = m.readiness.filter((r) => r.dimensionKey === d.key);
        if (!rows.length) return null;
        return (
          <details key={d.key} className={`disclosure ${pillarClass(d.key)}`}>
            <summary>{pick(d.name, lang)}</summary>
            <div className="aspect-grid">
              {ASPECTS.map((a) => {
                const r = rows.find((x) => x.aspect === a);
                if (!r) return null;
                return (
                  <div key={a} className="aspect">
                    <h3>{t(`region.readiness.aspects.${a}`)} <IllustrativeBadge show={r.illustrative} /></h3>
                    {r.summary && <p lang="id">{r.summary}</p>}
                    <div className="swot">
                      {SWOT.map((k) => {
                        const items = r.swot.filter((s) => s.kind === k);
                        if (!items.length) return null;
                        return (
                          <div key={k} className={`swot-${k}`}>
                            <h4>{t(`region.readiness.swot.${k}`)}</h4>
                            <ul lang="id">{items.map((s, i) => <li key={i}>{s.text}</li>)}</ul>
                          </div>
                        );
                      })}
                    </div>
                  </div>
                );
              })}
            </div>
          </details>
        );
      })}
    </section>
  );
}
