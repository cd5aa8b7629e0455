import { Link } from 'wouter';
import { useI18n } from '../i18n.ts';

export type Crumb = { label: string; href?: string };

/** national > region > pillar > program; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useI18n();
  const all: Crumb[] = [{ label: t('crumbs.national'), href: '/' }, ...items];
  return (
    <nav className="crumbs" aria-label={t('crumbs.label')}>
      <ol>
        {all.map((c, i) => {
          const last = i === all.length - 1;
          return (
            <li key={`${i}-${c.label}`}>
              {last || !c.href ? <span aria-current={last ? 'page' : undefined}>{c.label}</span> : <Link href={c.href}>{c.label}</Link>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
