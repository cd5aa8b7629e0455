import { useState, type FormEvent } from 'react';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { AdminProgramSummary, Masterplan, Page, QuickWin } from '../../../core/api/types.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { pillarClass, sortByPillar } from '../../../core/pillars.ts';
import { Alert, SelectField, TextField } from '../../../core/ui/form.tsx';
import type { Access } from '../core/access.ts';
import { useAdminI18n } from '../core/i18n.ts';
import { useLive } from '../core/useLive.ts';
import { ConfirmButton, ErrorAlert, Loading, PageHead, useErrorText } from '../core/ui.tsx';
import { quickWinInput, validate } from '../core/validation.ts';
import { num } from '../programs/programForm.ts';

type Row = { programId: string; progress: string };

/** One dimension's quick win of the year: a program and its progress. */
function QuickWinRow({ masterplan, year, dim, current, programs, editable, onSaved }: {
  masterplan: Masterplan; year: number; dim: Masterplan['dimensions'][number]; current: (QuickWin & { id?: string }) | undefined;
  programs: AdminProgramSummary[]; editable: boolean; onSaved: () => void;
}) {
  const { t, lang } = useAdminI18n();
  const errorText = useErrorText();
  const [row, setRow] = useState<Row>({ programId: current?.program.id ?? '', progress: current?.progress === null || current?.progress === undefined ? '' : String(current.progress) });
  const [touched, setTouched] = useState(false);
  const [state, setState] = useState<{ saved?: boolean; error?: ApiError; busy?: boolean }>({});
  const body = { masterplanId: masterplan.id, year, dimensionKey: dim.key, programId: row.programId, progress: row.progress.trim() === '' ? null : num(row.progress) };
  const errors = validate(quickWinInput, body, lang);
  const show = (k: string) => (touched ? errors[k] : undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length) return;
    setState({ busy: true });
    try {
      await apiWrite('PUT', paths.quickWinWrite(), body);
      clearApiCache();
      setState({ saved: true });
      onSaved();
    } catch (err) {
      setState({ error: asApiError(err) });
    }
  };
  const remove = async () => {
    if (!current?.id) return;
    try {
      await apiWrite('DELETE', paths.quickWin(current.id));
      clearApiCache();
      setRow({ programId: '', progress: '' });
      setState({});
      onSaved();
    } catch (err) {
      setState({ error: asApiError(err) });
    }
  };
  const name = pick(dim.name, lang);
  return (
    <form className={`card qw-edit ${pillarClass(dim.key)}`} onSubmit={(e) => void submit(e)} noValidate aria-label={t('quickWins.formOf', { dimension: name, year })}>
      <h2 className="qw-dim">{name}</h2>
      <fieldset className="form-plain" disabled={!editable}>
        <legend className="visually-hidden">{t('quickWins.formOf', { dimension: name, year })}</legend>
        <div className="form-grid qw-grid-fields">
          <SelectField className="span-2" label={t('quickWins.program')} name="programId" value={row.programId} error={show('programId')}
            onChange={(v) => { setTouched(true); setState({}); setRow({ ...row, programId: v }); }}>
            <option value="">{t('quickWins.none')}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.code} · {p.title}{p.published === false ? ` (${t('programs.unpublished')})` : ''}</option>)}
          </SelectField>
          <TextField label={t('quickWins.progress')} name="progress" inputMode="decimal" value={row.progress} error={show('progress')} hint={t('quickWins.progressHint')}
            onChange={(v) => { setTouched(true); setState({}); setRow({ ...row, progress: v }); }} />
        </div>
        {editable && (
          <p className="row-actions">
            <button type="submit" className="button button-small button-primary" disabled={state.busy || !row.programId}>{t('common.save')}</button>
            {current?.id && <ConfirmButton label={t('common.delete')} confirm={t('quickWins.deleteConfirm')} onConfirm={remove} />}
          </p>
        )}
      </fieldset>
      {state.saved && <Alert kind="success"><p>{t('quickWins.saved', { dimension: name, year })}</p></Alert>}
      {state.error && <Alert kind="error"><p>{errorText(state.error)}</p></Alert>}
    </form>
  );
}

/** "/admin/wilayah/:code/quick-win": per year, about one quick win per dimension with its progress. */
export function QuickWinsPage({ code, access }: { code: string; access: Access }) {
  const { t } = useAdminI18n();
  const mp = useLive<Masterplan>(paths.masterplan(code));
  const m = mp.data;
  const years = m ? Array.from({ length: m.periodEnd - m.periodStart + 1 }, (_, i) => m.periodStart + i) : [];
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? (m ? (m.quickWinYears.length ? Math.max(...m.quickWinYears) : m.periodStart) : null);
  const qws = useLive<(QuickWin & { id?: string })[]>(year ? paths.quickWins(code, year) : null);
  const programs = useLive<Page<AdminProgramSummary>>(paths.programs(code, { limit: 200, sort: 'code' }));
  const ready = m && qws.data && programs.data && year;
  const error = mp.error ?? qws.error ?? programs.error;
  return (
    <>
      <PageHead title={t('quickWins.title')} intro={t('quickWins.intro')} />
      {error && <ErrorAlert error={error} />}
      {m && year && (
        <div className="field field-inline year-pick">
          <label htmlFor="qw-year">{t('quickWins.year')}</label>
          <select id="qw-year" value={year} onChange={(e) => setChosen(Number(e.target.value))}>
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
      )}
      {!ready && !error && <Loading height={400} />}
      {ready && (
        <div className="qw-edit-grid">
          {sortByPillar(m.dimensions, (d) => d.key).map((d) => (
            <QuickWinRow key={`${year}-${d.key}-${qws.data!.length}`} masterplan={m} year={year} dim={d}
              current={qws.data!.find((q) => q.year === year && q.dimension === d.key)}
              programs={programs.data!.items.filter((p) => p.dimensionKey === d.key)} editable={access.edit}
              onSaved={() => void qws.reload()} />
          ))}
        </div>
      )}
    </>
  );
}
