import type { Masterplan } from '../../../core/api/types.ts';
import { formatRupiah } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { AmountTable } from '../shared/AmountTable.tsx';

/** Budget of the whole masterplan by year and by source. */
export function BudgetSection({ masterplan: m }: { masterplan: Masterplan }) {
  const { t } = useI18n();
  const tot = m.totals;
  return (
    <section id="budget" className="section" aria-labelledby="budget-title">
      <h2 id="budget-title">{t('region.budget.title')}</h2>
      <p className="big-figure">
        <span className="stat-label">{t('region.budget.total')}</span> <strong>{formatRupiah(tot.budgetTotal)}</strong>{' '}
        <IllustrativeBadge show={tot.budgetIllustrative} />
      </p>
      <div className="two-col">
        <AmountTable
          caption={t('region.budget.byYear')}
          keyHeader={t('region.budget.year')}
          rows={[...tot.budgetByYear].sort((a, b) => a.year - b.year).map((r) => ({ key: String(r.year), label: String(r.year), amount: r.amount }))}
        />
        <AmountTable
          caption={t('region.budget.bySource')}
          keyHeader={t('region.budget.source')}
          rows={[...tot.budgetBySource].sort((a, b) => b.amount - a.amount).map((r) => ({ key: r.source, label: t(`budgetSource.${r.source}`, { defaultValue: r.source }), amount: r.amount }))}
        />
      </div>
    </section>
  );
}
