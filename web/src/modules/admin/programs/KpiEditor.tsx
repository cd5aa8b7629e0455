import { useCallback, useId, useState, type FormEvent } from 'react';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { AdminKpi, AdminProgram, Lang, Polarity } from '../../../core/api/types.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { Alert, CheckboxField, SelectField, TextField } from '../../../core/ui/form.tsx';
import { useAdminI18n } from '../core/i18n.ts';
import { useForm } from '../core/useForm.ts';
import { ConfirmButton, useErrorText } from '../core/ui.tsx';
import { kpiInput, validate } from '../core/validation.ts';
import { CellError, cellA11y } from './cells.tsx';
import { num, rowKey } from './programForm.ts';

type TargetRow = { key: string; year: string; value: string; valueMax: string };
type KpiForm = { name: string; unit: string; polarity: Polarity; baselineValue: string; baselineYear: string; illustrative: boolean; targets: TargetRow[] };
const FIELDS = ['name', 'unit', 'polarity', 'baselineValue', 'baselineYear', 'illustrative', 'targets'] as const;

const optNum = (s: string) => (s.trim() === '' ? null : num(s));
const toForm = (k: AdminKpi | null): KpiForm => ({
  name: k?.name ?? '', unit: k?.unit ?? '', polarity: k?.polarity ?? 'higher',
  baselineValue: k?.baselineValue === null || k?.baselineValue === undefined ? '' : String(k.baselineValue),
  baselineYear: k?.baselineYear === null || k?.baselineYear === undefined ? '' : String(k.baselineYear),
  illustrative: k?.illustrative ?? false,
  targets: (k?.targets ?? []).map((x) => ({ key: rowKey(), year: String(x.year), value: String(x.value), valueMax: x.valueMax === null ? '' : String(x.valueMax) })),
});
const toInput = (f: KpiForm) => ({
  name: f.name, unit: f.unit, polarity: f.polarity, baselineValue: optNum(f.baselineValue), baselineYear: optNum(f.baselineYear),
  illustrative: f.illustrative,
  targets: f.targets.map((x) => ({ year: num(x.year), value: num(x.value), valueMax: f.polarity === 'range' ? optNum(x.valueMax) : null })),
});

type Result = { status?: 'published' | 'pending' };

/** One KPI's form (new when `kpi` is null). */
function KpiForm({ program, kpi, onDone, onCancel }: {
  program: AdminProgram; kpi: AdminKpi | null; onDone: (status: 'published' | 'pending' | 'deleted') => void; onCancel: () => void;
}) {
  const { t, lang } = useAdminI18n();
  const errorText = useErrorText();
  const id = useId();
  const check = useCallback((f: KpiForm, l: Lang) => validate(kpiInput, { programId: program.id, ...toInput(f) }, l), [program.id]);
  const form = useForm<KpiForm>(toForm(kpi), check, lang);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const f = form.values;
  const setTarget = (i: number, field: keyof TargetRow, v: string) =>
    form.update(`targets.${i}.${field}`, (x) => ({ ...x, targets: x.targets.map((r, j) => (j === i ? { ...r, [field]: v } : r)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.setSubmitted(true);
    setError(null);
    if (!form.valid) return;
    setBusy(true);
    try {
      const body = toInput(f);
      let res: Result | undefined;
      if (kpi) {
        const start = toInput(toForm(kpi));
        const patch = Object.fromEntries(FIELDS.filter((k) => JSON.stringify(start[k]) !== JSON.stringify(body[k])).map((k) => [k, body[k]]));
        res = await apiWrite<Result>('PATCH', paths.kpi(kpi.id), { version: kpi.version, ...patch });
      } else {
        res = await apiWrite<Result>('POST', paths.kpis(), { programId: program.id, ...body });
      }
      clearApiCache();
      onDone(res?.status === 'pending' ? 'pending' : 'published');
    } catch (err) {
      const apiErr = asApiError(err);
      if (!form.takeServerError(apiErr, (fld) => (FIELDS as readonly string[]).includes(fld.split('.')[0] ?? ''))) setError(apiErr);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!kpi) return;
    setBusy(true);
    try {
      await apiWrite('DELETE', paths.kpi(kpi.id));
      clearApiCache();
      onDone('deleted');
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="kpi-form card" onSubmit={(e) => void submit(e)} noValidate aria-label={kpi ? t('kpi.editOf', { name: kpi.name }) : t('kpi.new')}>
      {error && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      <div className="form-grid">
        <TextField className="span-2" label={t('kpi.name')} name="name" required value={f.name} onChange={(v) => form.set('name', v)} error={form.errorOf('name')} />
        <TextField label={t('kpi.unit')} name="unit" required value={f.unit} onChange={(v) => form.set('unit', v)} error={form.errorOf('unit')} />
        <SelectField label={t('kpi.polarity')} name="polarity" value={f.polarity} onChange={(v) => form.set('polarity', v as Polarity)} error={form.errorOf('polarity')}>
          {(['higher', 'lower', 'range'] as const).map((p) => <option key={p} value={p}>{t(`kpi.polarities.${p}`)}</option>)}
        </SelectField>
        <TextField label={t('kpi.baselineValue')} name="baselineValue" inputMode="decimal" value={f.baselineValue} onChange={(v) => form.set('baselineValue', v)} error={form.errorOf('baselineValue')} />
        <TextField label={t('kpi.baselineYear')} name="baselineYear" inputMode="numeric" value={f.baselineYear} onChange={(v) => form.set('baselineYear', v)} error={form.errorOf('baselineYear')} />
      </div>
      <CheckboxField label={t('kpi.illustrative')} name="illustrative" checked={f.illustrative} onChange={(v) => form.set('illustrative', v)} />
      <fieldset className="form-section">
        <legend>{t('kpi.targets')}</legend>
        {f.targets.length === 0 ? <p className="empty">{t('kpi.noTargets')}</p> : (
          <table className="data-table edit-table">
            <thead>
              <tr>
                <th scope="col">{t('kpi.year')}</th>
                <th scope="col">{f.polarity === 'range' ? t('kpi.min') : t('kpi.value')}</th>
                {f.polarity === 'range' && <th scope="col">{t('kpi.max')}</th>}
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {f.targets.map((r, i) => {
                const n = i + 1;
                const y = cellA11y(`${id}-${r.key}-y`, form.errorOf(`targets.${i}.year`));
                const v = cellA11y(`${id}-${r.key}-v`, form.errorOf(`targets.${i}.value`));
                const m = cellA11y(`${id}-${r.key}-m`, form.errorOf(`targets.${i}.valueMax`));
                return (
                  <tr key={r.key}>
                    <td data-label={t('kpi.year')}><input {...y.props} className="input-year" inputMode="numeric" aria-label={t('kpi.yearOf', { n })} value={r.year} onChange={(e) => setTarget(i, 'year', e.target.value)} /><CellError {...y} /></td>
                    <td data-label={f.polarity === 'range' ? t('kpi.min') : t('kpi.value')}><input {...v.props} inputMode="decimal" aria-label={t('kpi.valueOf', { n })} value={r.value} onChange={(e) => setTarget(i, 'value', e.target.value)} /><CellError {...v} /></td>
                    {f.polarity === 'range' && <td data-label={t('kpi.max')}><input {...m.props} inputMode="decimal" aria-label={t('kpi.maxOf', { n })} value={r.valueMax} onChange={(e) => setTarget(i, 'valueMax', e.target.value)} /><CellError {...m} /></td>}
                    <td className="cell-actions"><button type="button" className="button button-small" aria-label={t('kpi.removeTargetOf', { n })}
                      onClick={() => form.update('targets', (x) => ({ ...x, targets: x.targets.filter((_, j) => j !== i) }))}>{t('common.remove')}</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p>
          <button type="button" className="button button-small" onClick={() => form.update(`targets.${f.targets.length}`, (x) => {
            const last = x.targets[x.targets.length - 1];
            const year = last ? String(Number(last.year) + 1 || program.startYear) : String(program.startYear);
            return { ...x, targets: [...x.targets, { key: rowKey(), year, value: '', valueMax: '' }] };
          })}>{t('kpi.addTarget')}</button>
        </p>
      </fieldset>
      <p className="row-actions">
        <button type="submit" className="button" disabled={busy}>{t('kpi.save')}</button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>{t('common.cancel')}</button>
        {kpi && <ConfirmButton label={t('kpi.delete')} confirm={t('kpi.deleteConfirm')} onConfirm={remove} disabled={busy} />}
      </p>
    </form>
  );
}

/** The KPIs of a program with their targets per year; each is saved on its own. */
export function KpiEditor({ program, editable, onSaved }: { program: AdminProgram; editable: boolean; onSaved: () => void }) {
  const { t } = useAdminI18n();
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const [result, setResult] = useState<'published' | 'pending' | 'deleted' | null>(null);
  const done = (status: 'published' | 'pending' | 'deleted') => {
    setOpen(null);
    setResult(status);
    onSaved();
  };
  return (
    <section className="form-section kpi-editor" aria-labelledby="kpi-editor-title">
      <h2 id="kpi-editor-title">{t('kpi.title')}</h2>
      {result && <Alert kind={result === 'pending' ? 'info' : 'success'}><p>{t(`kpi.result.${result}`)}</p></Alert>}
      {program.kpis.length === 0 && <p className="empty">{t('kpi.none')}</p>}
      <ul className="stack plain">
        {program.kpis.map((k) => (
          <li key={k.id}>
            {open === k.id ? <KpiForm program={program} kpi={k} onDone={done} onCancel={() => setOpen(null)} /> : (
              <div className="card kpi-row">
                <div>
                  <h3 className="kpi-name">{k.name}</h3>
                  <p className="muted small">
                    {k.unit} · {t(`kpi.polarities.${k.polarity}`)}
                    {k.targets.length > 0 && <> · {k.targets.map((x) => `${x.year}: ${x.value}${x.valueMax !== null ? `–${x.valueMax}` : ''}`).join(', ')}</>}
                  </p>
                </div>
                {editable && <button type="button" className="button button-small" onClick={() => { setResult(null); setOpen(k.id); }} aria-label={t('kpi.editOf', { name: k.name })}>{t('common.edit')}</button>}
              </div>
            )}
          </li>
        ))}
      </ul>
      {editable && (open === 'new'
        ? <KpiForm program={program} kpi={null} onDone={done} onCancel={() => setOpen(null)} />
        : <p><button type="button" className="button button-small" onClick={() => { setResult(null); setOpen('new'); }}>{t('kpi.add')}</button></p>)}
    </section>
  );
}
