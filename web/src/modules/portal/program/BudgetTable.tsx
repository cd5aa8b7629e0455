import type { Program } from '../../../core/api/types.ts';
import { formatRupiah } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';

/** Budget rows per year and source, with a total. */
export function BudgetTable({ budgets }: { budgets: Program['budgets'] }) {
  const { t } = useI18n();
  const rows = [...budgets].sort((a, b) => a.year - b.year || a.source.localeCompare(b.source));
  const total = rows.reduce((s, r) => s + r.amount, 0);
  return (
    <section className="section" aria-labelledby="pbudget-title">
      <h2 id="pbudget-title">{t('program.budget.title')}</h2>
      {rows.length === 0 ? (
        <p className="empty">{t('program.budget.empty')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('program.budget.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('region.budget.year')}</th>
              <th scope="col">{t('region.budget.source')}</th>
              <th scope="col" className="num">{t('region.budget.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.year}-${r.source}-${i}`}>
                <th scope="row">{r.year}</th>
                <td>{t(`budgetSource.${r.source}`, { defaultValue: r.source })}</td>
                <td className="num">{formatRupiah(r.amount)} <IllustrativeBadge show={r.illustrative} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row" colSpan={2}>{t('program.budget.total')}</th><td className="num"><strong>{formatRupiah(total)}</strong></td></tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
