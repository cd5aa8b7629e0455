import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import { useFramework } from '../../../core/api/hooks.ts';
import type { AdminProgram, Masterplan, Me, ProgramWriteResult, RegionOpd } from '../../../core/api/types.ts';
import { clearApiCache, useApi } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { sortByPillar } from '../../../core/pillars.ts';
import { Alert, CheckboxField, SelectField, TextArea, TextField } from '../../../core/ui/form.tsx';
import { DiffTable } from '../changes/DiffTable.tsx';
import { accessTo, programMode, type Access } from '../core/access.ts';
import { formatDateTime, useAdminI18n } from '../core/i18n.ts';
import { useForm } from '../core/useForm.ts';
import { useLive } from '../core/useLive.ts';
import { ConfirmButton, ErrorAlert, Loading, PageHead, PublishedBadge, useErrorText } from '../core/ui.tsx';
import { BudgetRows } from './BudgetRows.tsx';
import { KpiEditor } from './KpiEditor.tsx';
import { LocationPicker } from './LocationPicker.tsx';
import {
  checkProgram, emptyProgramForm, formToInput, isProgramField, patchOf, programToForm, type ProgramForm,
} from './programForm.ts';

type Outcome = 'published' | 'pending' | 'created' | 'createdPending' | 'unchanged' | 'deleted';
/** The outcome of creating a program, shown by the editor it navigates to. */
const flash = new Map<string, Outcome>();

type FormProps = {
  program: AdminProgram | null;
  regionCode: string;
  masterplanId: string;
  access: Access;
  mode: 'direct' | 'draft' | null;
  onSaved: (outcome: Outcome, result?: ProgramWriteResult) => void;
  onError: (err: ApiError) => void;
};

/** The program form itself: fields validated with the server's rules as the user types. */
function ProgramFormView({ program, regionCode, masterplanId, access, mode, onSaved, onError }: FormProps) {
  const { t, lang } = useAdminI18n();
  const framework = useFramework();
  const opds = useApi<RegionOpd[]>(paths.opds(regionCode));
  const start = useRef<ProgramForm>(program ? programToForm(program) : emptyProgramForm(access.propose ? access.user.opdId ?? '' : ''));
  const check = useMemo(() => checkProgram(masterplanId), [masterplanId]);
  const form = useForm<ProgramForm>(start.current, check, lang);
  const [busy, setBusy] = useState(false);
  const [invalidTried, setInvalidTried] = useState(0);
  const root = useRef<HTMLFormElement>(null);
  const f = form.values;
  const readOnly = mode === null;
  const known = useRef(new Map((program?.locations ?? []).map((l) => [l.code, l.name])));

  useEffect(() => {
    if (invalidTried) root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidTried]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly) return;
    form.setSubmitted(true);
    if (!form.valid) {
      setInvalidTried((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      if (program) {
        const patch = patchOf(start.current, f);
        if (!Object.keys(patch).length) {
          onSaved('unchanged');
          return;
        }
        const res = await apiWrite<ProgramWriteResult>('PATCH', paths.program(program.id), { version: program.version, ...patch });
        clearApiCache();
        onSaved(res?.status === 'pending' ? 'pending' : 'published', res);
      } else {
        const res = await apiWrite<ProgramWriteResult | AdminProgram>('POST', paths.programWrite(), { masterplanId, ...formToInput(f) });
        clearApiCache();
        const created = res && 'program' in res ? res : { status: (res as AdminProgram).published === false ? 'pending' as const : 'published' as const, program: res as AdminProgram };
        onSaved(created.status === 'pending' || created.program.published === false ? 'createdPending' : 'created', created);
      }
    } catch (err) {
      const apiErr = asApiError(err);
      if (!form.takeServerError(apiErr, isProgramField)) onError(apiErr);
      else setInvalidTried((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const dims = sortByPillar(framework.data?.dimensions ?? [], (d) => d.key);
  const opdList = [...(opds.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const leadLocked = access.propose && !access.edit;
  const invalidCount = Object.keys(form.errors).length;

  return (
    <form ref={root} className="edit-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="editor-title">
      {form.submitted && invalidCount > 0 && <Alert kind="error"><p>{t('form.fixErrors', { count: invalidCount })}</p></Alert>}
      <fieldset className="form-plain" disabled={readOnly}>
        <legend className="visually-hidden">{t('program.formLabel')}</legend>
        <section className="form-section" aria-labelledby="sec-identity">
          <h2 id="sec-identity">{t('program.identity')}</h2>
          <div className="form-grid">
            <TextField label={t('fields.code')} name="code" required value={f.code} onChange={(v) => form.set('code', v)} error={form.errorOf('code')} hint={t('program.codeHint')} autoComplete="off" />
            <SelectField label={t('fields.horizon')} name="horizon" required value={f.horizon} onChange={(v) => form.set('horizon', v)} error={form.errorOf('horizon')}>
              {(['short', 'medium', 'long'] as const).map((h) => <option key={h} value={h}>{t(`horizon.${h}`)}</option>)}
            </SelectField>
            <TextField className="span-2" label={t('fields.title')} name="title" required value={f.title} onChange={(v) => form.set('title', v)} error={form.errorOf('title')} />
            <TextArea className="span-2" label={t('fields.description')} name="description" rows={5} value={f.description} onChange={(v) => form.set('description', v)} error={form.errorOf('description')} />
            <SelectField className="span-2" label={t('fields.elementKey')} name="elementKey" required value={f.elementKey} onChange={(v) => form.set('elementKey', v)} error={form.errorOf('elementKey')}>
              <option value="">{t('program.pickElement')}</option>
              {dims.map((d) => (
                <optgroup key={d.key} label={pick(d.name, lang)}>
                  {d.elements.map((el) => <option key={el.key} value={el.key}>{pick(el.name, lang)}</option>)}
                </optgroup>
              ))}
            </SelectField>
            <TextField label={t('fields.startYear')} name="startYear" required inputMode="numeric" value={f.startYear} onChange={(v) => form.set('startYear', v)} error={form.errorOf('startYear')} />
            <TextField label={t('fields.endYear')} name="endYear" required inputMode="numeric" value={f.endYear} onChange={(v) => form.set('endYear', v)} error={form.errorOf('endYear')} />
          </div>
        </section>
        <section className="form-section" aria-labelledby="sec-opd">
          <h2 id="sec-opd">{t('program.opds')}</h2>
          <SelectField label={t('fields.leadOpdId')} name="leadOpdId" required value={f.leadOpdId} disabled={leadLocked}
            onChange={(v) => form.set('leadOpdId', v)} error={form.errorOf('leadOpdId')} hint={leadLocked ? t('program.leadLocked') : undefined}>
            <option value="">{t('program.pickOpd')}</option>
            {opdList.map((o) => <option key={o.id} value={o.id}>{o.name} ({o.abbreviation})</option>)}
          </SelectField>
          <fieldset className="check-group">
            <legend>{t('fields.supportingOpdIds')}</legend>
            <div className="check-grid">
              {opdList.filter((o) => o.id !== f.leadOpdId).map((o) => (
                <CheckboxField key={o.id} name="supportingOpdIds" label={<>{o.name} <span className="muted">({o.abbreviation})</span></>}
                  checked={f.supportingOpdIds.includes(o.id)}
                  onChange={(on) => form.set('supportingOpdIds', on ? [...f.supportingOpdIds, o.id] : f.supportingOpdIds.filter((x) => x !== o.id))} />
              ))}
            </div>
            {form.errorOf('supportingOpdIds') && <p className="field-error">{form.errorOf('supportingOpdIds')}</p>}
          </fieldset>
        </section>
        <section className="form-section" aria-labelledby="sec-service">
          <h2 id="sec-service">{t('program.service')}</h2>
          <div className="form-grid">
            <TextField label={t('fields.serviceName')} name="serviceName" value={f.serviceName} onChange={(v) => form.set('serviceName', v)} error={form.errorOf('serviceName')} />
            <TextField label={t('fields.serviceUrl')} name="serviceUrl" type="url" inputMode="url" placeholder="https://" value={f.serviceUrl} onChange={(v) => form.set('serviceUrl', v)} error={form.errorOf('serviceUrl')} />
          </div>
          <CheckboxField label={t('fields.illustrative')} name="illustrative" checked={f.illustrative} onChange={(v) => form.set('illustrative', v)} hint={t('program.illustrativeHint')} />
        </section>
        <BudgetRows rows={f.budgets} onChange={(path, rows) => form.update(path, (v) => ({ ...v, budgets: rows }))} errorOf={form.errorOf} defaultYear={Number(f.startYear) || new Date().getFullYear()} readOnly={readOnly} />
        <LocationPicker regionCode={regionCode} value={f.locations} known={known.current} onChange={(path, codes) => form.update(path, (v) => ({ ...v, locations: codes }))} errorOf={form.errorOf} readOnly={readOnly} />
      </fieldset>
      {!readOnly && (
        <div className="save-bar">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.saving') : mode === 'draft' ? t('program.submitDraft') : program ? t('program.save') : t('program.create')}
          </button>
          {mode === 'draft' && <span className="muted small">{t('program.draftNote')}</span>}
        </div>
      )}
    </form>
  );
}

function outcomeAlert(outcome: Outcome, t: ReturnType<typeof useAdminI18n>['t']) {
  const kind = outcome === 'pending' || outcome === 'createdPending' ? 'info' : outcome === 'unchanged' ? 'info' : 'success';
  return (
    <Alert kind={kind} title={t(`program.outcome.${outcome}.title`)}>
      <p>{t(`program.outcome.${outcome}.text`)}</p>
    </Alert>
  );
}

/** "/admin/program/:id" (edit) and "/admin/wilayah/:code/program/baru" (new). */
export function ProgramEditor({ me, id, newIn }: { me: Me; id?: string; newIn?: string }) {
  const { t, lang } = useAdminI18n();
  const errorText = useErrorText();
  const [, navigate] = useLocation();
  const live = useLive<AdminProgram>(id ? paths.program(id) : null);
  const program = live.data ?? null;
  const regionCode = program?.region.code ?? newIn ?? '';
  const masterplan = useApi<Masterplan>(regionCode ? paths.masterplan(regionCode) : null);
  const [outcome, setOutcome] = useState<Outcome | null>(() => (id ? flash.get(id) ?? null : null));
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (id) flash.delete(id);
  }, [id]);
  useEffect(() => {
    if (outcome || error) banner.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome, error]);

  if (live.error) return <><PageHead title={t('program.editTitle')} /><ErrorAlert error={live.error} /></>;
  if ((id && !program) || !masterplan.data) {
    return <><PageHead title={newIn ? t('program.newTitle') : t('program.editTitle')} /><Loading height={420} /></>;
  }
  const access = accessTo(me, regionCode);
  if (!access) return null;
  const mode = newIn ? (access.edit ? 'direct' : access.propose ? 'draft' : null) : programMode(access, program?.leadOpd.id ?? null);

  const reload = async () => {
    setError(null);
    setOutcome(null);
    await live.reload();
    setGeneration((g) => g + 1);
  };
  const onSaved = (o: Outcome, res?: ProgramWriteResult) => {
    setError(null);
    if ((o === 'created' || o === 'createdPending') && res?.program?.id) {
      flash.set(res.program.id, o);
      navigate(`/program/${res.program.id}`);
      return;
    }
    setOutcome(o);
    // The answer names the program's id and version only: read the saved program again.
    if (o !== 'unchanged') void live.reload().then(() => setGeneration((g) => g + 1));
  };
  const onError = (err: ApiError) => {
    setOutcome(null);
    setError(err);
  };
  const remove = async () => {
    if (!program) return;
    try {
      await apiWrite('DELETE', paths.program(program.id));
      clearApiCache();
      navigate(`/wilayah/${regionCode}/program`);
    } catch (err) {
      onError(asApiError(err));
    }
  };

  const leadName = program?.leadOpd.name ?? '';
  const readOnlyReason = mode !== null ? null
    : access.user.role === 'opd_officer' ? t('program.readOnlyOtherOpd', { opd: leadName })
      : t('program.readOnlyRole');

  return (
    <div className="program-editor">
      <PageHead
        eyebrow={<>{program ? <span className="code">{program.code}</span> : null} {masterplan.data.region.name}</>}
        title={program ? program.title : t('program.newTitle')}
        actions={program && (
          <>
            <PublishedBadge published={program.published} />
            <Link href={`/program/${program.id}/riwayat`} className="button button-small">{t('program.history')}</Link>
            {program.published !== false && <Link href={`~/program/${program.id}`} className="button button-small">{t('program.public')}</Link>}
          </>
        )}
      />
      <p className="visually-hidden" id="editor-title">{program ? t('program.editTitle') : t('program.newTitle')}</p>
      <div ref={banner} className="banner-slot">
        {outcome && outcomeAlert(outcome, t)}
        {error && error.code === 'version_conflict' && (
          <Alert kind="error" title={t('program.conflictTitle')}>
            <p className="conflict-message">{errorText(error)}</p>
            <p>{t('program.conflictHelp')}</p>
            <p><button type="button" className="button" onClick={() => void reload()}>{t('program.reload')}</button></p>
          </Alert>
        )}
        {error && error.code !== 'version_conflict' && <ErrorAlert error={error} title={t('program.saveFailed')} />}
        {readOnlyReason && <Alert kind="warning" title={t('program.readOnly')}><p className="read-only-reason">{readOnlyReason}</p></Alert>}
        {program?.pendingChange && (
          <Alert kind="info" title={t('program.pendingTitle')}>
            <p>{t('program.pendingBy', { name: program.pendingChange.author.name, date: formatDateTime(program.pendingChange.createdAt, lang) })}</p>
            <details className="fold"><summary>{t('program.pendingShow')}</summary><DiffTable diff={program.pendingChange.diff} regionCode={regionCode} /></details>
          </Alert>
        )}
      </div>
      <ProgramFormView
        key={`${program?.id ?? 'new'}-${program?.version ?? 0}-${generation}`}
        program={program} regionCode={regionCode} masterplanId={program?.masterplanId ?? masterplan.data.id}
        access={access} mode={mode} onSaved={onSaved} onError={onError}
      />
      {program && <KpiEditor program={program} editable={mode !== null} onSaved={() => void live.reload()} />}
      {program && access.edit && (
        <section className="form-section danger-zone" aria-labelledby="danger-title">
          <h2 id="danger-title">{t('program.deleteTitle')}</h2>
          <p className="muted">{t('program.deleteHelp')}</p>
          <ConfirmButton label={t('program.delete')} confirm={t('program.deleteConfirm', { title: program.title })} onConfirm={remove} />
        </section>
      )}
    </div>
  );
}
