import { useI18n } from '../../../core/i18n.ts';

const SECTIONS = ['quick-wins', 'pillars', 'summary', 'budget', 'readiness', 'opds', 'sources'] as const;
const KEYS = {
  'quick-wins': 'region.quickWins.title',
  pillars: 'region.pillars.title',
  summary: 'region.summary.title',
  budget: 'region.budget.title',
  readiness: 'region.readiness.title',
  opds: 'region.opds.title',
  sources: 'region.sources.title',
} as const;

/** In-page table of contents of the region page. */
export function SectionNav() {
  const { t } = useI18n();
  return (
    <nav className="section-nav" aria-label={t('region.sectionsLabel')}>
      <ul>
        {SECTIONS.map((s) => <li key={s}><a href={`#${s}`}>{t(KEYS[s])}</a></li>)}
      </ul>
    </nav>
  );
}
