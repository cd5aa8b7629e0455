import { Link } from 'wouter';
import type { Masterplan } from '../../../core/api/types.ts';
import { formatNumber } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';

/** The region's agencies (OPD), linking to their pages; leading sector and coordinator first. */
export function OpdList({ masterplan: m }: { masterplan: Masterplan }) {
  const { t, lang } = useI18n();
  const rank = (r: string | null) => (r === 'leading_sector' ? 0 : r === 'coordinator' ? 1 : 2);
  const opds = [...m.opds].sort((a, b) => rank(a.role) - rank(b.role) || a.name.localeCompare(b.name, 'id'));
  return (
    <section id="opds" className="section" aria-labelledby="opds-title">
      <h2 id="opds-title">{t('region.opds.title')}</h2>
      <p className="muted">{t('region.opds.intro')}</p>
      <ul className="opd-list">
        {opds.map((o) => (
          <li key={o.id}>
            <Link href={`/opd/${o.id}`} className="opd-name">{o.name}</Link>
            <span className="opd-meta">
              {o.abbreviation && <abbr title={o.name}>{o.abbreviation}</abbr>}
              {o.role && <span className="badge badge-role">{t(`opdRole.${o.role}`)}</span>}
              <span>{t('region.opds.programCount', { count: o.programCount, n: formatNumber(o.programCount, lang) })}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
