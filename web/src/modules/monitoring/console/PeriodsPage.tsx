import { useEffect, useState } from 'react';
import { ApiError, apiWrite, asApiError } from '../../../core/api/client.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { Alert, SelectField, TextField } from '../../../core/ui/form.tsx';
import { ErrorAlert, Loading, TableScroll } from '../../admin/core/ui.tsx';
import { useLive } from '../../admin/core/useLive.ts';
import { monPaths, type Period, type Settings, type Thresholds } from '../api.ts';
import { useMonI18n } from '../i18n.ts';

const KEYS: (keyof Thresholds)[] = ['atRiskLag', 'lateLag', 'kpiAtRisk', 'kpiLate', 'overdueGraceDays'];

function SettingsForm({ code }: { code: string }) {
  const { t } = useMonI18n();
  const live = useLive<Settings>(monPaths.settings(code));
  const [form, setForm] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState(false);
  useEffect(() => {
    const s = live.data;
    if (s) setForm({ periodKind: s.periodKind, dueDays: String(s.dueDays), reminderLeadDays: String(s.reminderLeadDays), ...Object.fromEntries(KEYS.map((k) => [k, String(s.effectiveThresholds[k])])) });
  }, [live.data]);
  if (!live.data) return <Loading height={120} />;
  const s = live.data;
  async function save() {
    setError(null);
    setOk(false);
    try {
      await apiWrite('PUT', monPaths.settings(code), {
        version: s.version, periodKind: form.periodKind, dueDays: Number(form.dueDays), reminderLeadDays: Number(form.reminderLeadDays),
        thresholds: Object.fromEntries(KEYS.map((k) => [k, Number(form[k])])),
      });
      clearApiCache();
      await live.reload();
      setOk(true);
    } catch (e) {
      setError(asApiError(e));
    }
  }
  const err = (f: string) => (error?.field === f ? error.apiMessage?.id ?? '' : null);
  return (
    <form className="mon-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>{t('settings.title')}</h2>
      {ok && <Alert kind="success"><p>{t('settings.saved')}</p></Alert>}
      {error && !error.field?.match(/^(periodKind|dueDays|reminderLeadDays|thresholds\.)/) && <ErrorAlert error={error} />}
      <SelectField label={t('settings.periodKind')} name="periodKind" value={form.periodKind ?? 'quarterly'} onChange={(v) => setForm({ ...form, periodKind: v })} error={err('periodKind')}>
        {(['quarterly', 'monthly', 'semester'] as const).map((k) => <option key={k} value={k}>{t(`period.kind.${k}`)}</option>)}
      </SelectField>
      <TextField label={t('settings.dueDays')} name="dueDays" inputMode="numeric" value={form.dueDays ?? ''} onChange={(v) => setForm({ ...form, dueDays: v })} error={err('dueDays')} />
      <TextField label={t('settings.reminderLeadDays')} name="reminderLeadDays" inputMode="numeric" value={form.reminderLeadDays ?? ''} onChange={(v) => setForm({ ...form, reminderLeadDays: v })} error={err('reminderLeadDays')} />
      <fieldset>
        <legend>{t('settings.thresholds')}</legend>
        {KEYS.map((k) => (
          <TextField key={k} label={t(`settings.th.${k}`)} name={k} inputMode="decimal" value={form[k] ?? ''} onChange={(v) => setForm({ ...form, [k]: v })}
            hint={t('settings.default', { value: s.defaults[k] })} error={err(`thresholds.${k}`)} />
        ))}
      </fieldset>
      <p><button type="submit" className="button button-primary">{t('settings.save')}</button></p>
    </form>
  );
}

/** Reporting periods of a region: generate a year, change due dates, open or close windows; settings. */
export function PeriodsPage({ code }: { code: string }) {
  const { t, date } = useMonI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const live = useLive<Period[]>(monPaths.periods(code, year));
  const [error, setError] = useState<ApiError | null>(null);
  const [due, setDue] = useState<Record<string, string>>({});
  async function act(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      clearApiCache();
      await live.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <div>
      <div className="mon-actions">
        <SelectField label={t('period.year')} name="year" value={String(year)} onChange={(v) => setYear(Number(v))}>
          {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => <option key={y} value={y}>{y}</option>)}
        </SelectField>
        <button type="button" className="button" onClick={() => void act(() => apiWrite('POST', monPaths.generate(code), { year }))}>{t('period.generate', { year })}</button>
      </div>
      {error && <ErrorAlert error={error} />}
      {!live.data ? <Loading height={160} /> : !live.data.length ? <p className="empty">{t('period.none')}</p> : (
        <TableScroll label={t('period.tableLabel')}>
          <table className="data-table mon-table">
            <caption className="visually-hidden">{t('period.tableLabel')}</caption>
            <thead><tr><th scope="col">{t('period.label')}</th><th scope="col">{t('period.span')}</th><th scope="col">{t('period.due')}</th><th scope="col">{t('period.window')}</th><th scope="col">{t('period.actions')}</th></tr></thead>
            <tbody>
              {live.data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.label}</th>
                  <td>{date(p.startsOn)} – {date(p.endsOn)}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`due-${p.id}`}>{t('period.dueFor', { label: p.label })}</label>
                    <input id={`due-${p.id}`} type="date" value={due[p.id] ?? p.dueOn} onChange={(e) => setDue({ ...due, [p.id]: e.target.value })} />
                    {due[p.id] && due[p.id] !== p.dueOn && (
                      <button type="button" className="button button-small" onClick={() => void act(() => apiWrite('PATCH', monPaths.period(p.id), { version: p.version, dueOn: due[p.id] }))}>{t('period.saveDue')}</button>
                    )}
                  </td>
                  <td>{t(`period.state.${p.state}`)}</td>
                  <td>
                    <button type="button" className="button button-small" onClick={() => void act(() => apiWrite('PATCH', monPaths.period(p.id), { version: p.version, closed: p.state !== 'closed' }))}>
                      {p.state === 'closed' ? t('period.reopen') : t('period.close')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <SettingsForm code={code} />
    </div>
  );
}
