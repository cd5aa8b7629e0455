import { formatRupiah } from '../../../core/format.ts';
import { useI18n } from '../../../core/i18n.ts';

type Row = { key: string; label: string; amount: number };

/** Two-column table of rupiah amounts with a relative bar behind each amount. */
export function AmountTable({ caption, keyHeader, rows }: { caption: string; keyHeader: string; rows: Row[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.amount));
  return (
    <table className="data-table amount-table">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">{keyHeader}</th><th scope="col" className="num">{t('region.budget.amount')}</th></tr>
      </thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={2} className="muted">{t('common.none')}</td></tr>}
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">
              <span className="bar-value">{formatRupiah(r.amount)}</span>
              <span className="bar" aria-hidden="true"><span style={{ width: `${(r.amount / max) * 100}%` }} /></span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
