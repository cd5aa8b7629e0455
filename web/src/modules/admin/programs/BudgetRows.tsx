import { useId } from 'react';
import { formatRupiah } from '../../../core/format.ts';
import { useAdminI18n } from '../core/i18n.ts';
import { CellError, cellA11y } from './cells.tsx';
import { rowKey, rupiah, type BudgetRow } from './programForm.ts';

const SOURCES = ['APBD', 'APBN', 'APBDes', 'CSR', 'other'] as const;

type Props = {
  rows: BudgetRow[];
  onChange: (path: string, rows: BudgetRow[]) => void;
  errorOf: (path: string) => string | undefined;
  defaultYear: number;
  /** Read-only view: no add/remove controls. */
  readOnly?: boolean;
};

/** Budgets per year × source: one row each, rows can be added and removed. */
export function BudgetRows({ rows, onChange, errorOf, defaultYear, readOnly = false }: Props) {
  const { t, tc } = useAdminI18n();
  const id = useId();
  const setRow = (i: number, field: keyof BudgetRow, value: string | boolean) =>
    onChange(`budgets.${i}.${field}`, rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  const add = () => {
    const last = rows[rows.length - 1];
    const year = last ? String(Number(last.year) + 1 || defaultYear) : String(defaultYear);
    onChange(`budgets.${rows.length}`, [...rows, { key: rowKey(), year, source: last?.source ?? 'APBD', amount: '', illustrative: false }]);
  };
  const remove = (i: number) => onChange('budgets', rows.filter((_, j) => j !== i));
  const total = rows.reduce((s, r) => s + (Number.isFinite(rupiah(r.amount)) ? rupiah(r.amount) : 0), 0);
  const groupError = errorOf('budgets');
  return (
    <fieldset className="form-section">
      <legend>{t('program.budgets')}</legend>
      <p className="field-hint">{t('program.budgetsHint')}</p>
      {rows.length === 0 ? <p className="empty">{t('program.noBudgets')}</p> : (
        <table className="data-table edit-table">
          <thead>
            <tr>
              <th scope="col">{t('program.budgetYear')}</th>
              <th scope="col">{t('program.budgetSource')}</th>
              <th scope="col">{t('program.budgetAmount')}</th>
              <th scope="col">{t('program.budgetIllustrative')}</th>
              {!readOnly && <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const n = i + 1;
              const y = cellA11y(`${id}-${r.key}-y`, errorOf(`budgets.${i}.year`));
              const s = cellA11y(`${id}-${r.key}-s`, errorOf(`budgets.${i}.source`));
              const a = cellA11y(`${id}-${r.key}-a`, errorOf(`budgets.${i}.amount`));
              return (
                <tr key={r.key}>
                  <td data-label={t('program.budgetYear')}>
                    <input {...y.props} className="input-year" inputMode="numeric" aria-label={t('program.budgetYearOf', { n })} value={r.year} onChange={(e) => setRow(i, 'year', e.target.value)} />
                    <CellError {...y} />
                  </td>
                  <td data-label={t('program.budgetSource')}>
                    <select {...s.props} aria-label={t('program.budgetSourceOf', { n })} value={r.source} onChange={(e) => setRow(i, 'source', e.target.value)}>
                      {SOURCES.map((src) => <option key={src} value={src}>{tc(`budgetSource.${src}`)}</option>)}
                    </select>
                    <CellError {...s} />
                  </td>
                  <td data-label={t('program.budgetAmount')}>
                    <input {...a.props} inputMode="numeric" aria-label={t('program.budgetAmountOf', { n })} value={r.amount} onChange={(e) => setRow(i, 'amount', e.target.value)} />
                    {Number.isFinite(rupiah(r.amount)) && r.amount.trim() !== '' && <span className="cell-note">{formatRupiah(rupiah(r.amount))}</span>}
                    <CellError {...a} />
                  </td>
                  <td data-label={t('program.budgetIllustrative')}>
                    <input type="checkbox" aria-label={t('program.budgetIllustrativeOf', { n })} checked={r.illustrative} onChange={(e) => setRow(i, 'illustrative', e.target.checked)} />
                  </td>
                  {!readOnly && (
                    <td className="cell-actions">
                      <button type="button" className="button button-small" onClick={() => remove(i)} aria-label={t('program.removeBudgetOf', { n })}>{t('common.remove')}</button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr><th scope="row" colSpan={2}>{t('program.budgetTotal')}</th><td className="num" colSpan={readOnly ? 2 : 3}>{formatRupiah(total)}</td></tr>
          </tfoot>
        </table>
      )}
      {groupError && <p className="field-error">{groupError}</p>}
      {!readOnly && <p><button type="button" className="button button-small" onClick={add}>{t('program.addBudget')}</button></p>}
    </fieldset>
  );
}
