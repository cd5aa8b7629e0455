import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { Lang, Masterplan, MasterplanStatus } from '../../../core/api/types.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { Alert, SelectField, TextArea, TextField } from '../../../core/ui/form.tsx';
import type { Access } from '../core/access.ts';
import { useAdminI18n } from '../core/i18n.ts';
import { useForm } from '../core/useForm.ts';
import { useLive } from '../core/useLive.ts';
import { ErrorAlert, Loading, PageHead, useErrorText } from '../core/ui.tsx';
import { masterplanInput, validate } from '../core/validation.ts';
import { num, rowKey } from '../programs/programForm.ts';
import { ReadinessEditor } from './ReadinessEditor.tsx';

type MissionRow = { key: string; text: string };
type MpForm = { title: string; periodStart: string; periodEnd: string; vision: string; mission: MissionRow[]; legalBasis: string; status: MasterplanStatus };
const FIELDS = ['title', 'periodStart', 'periodEnd', 'vision', 'mission', 'legalBasis', 'status'] as const;

const toForm = (m: Masterplan): MpForm => ({
  title: m.title, periodStart: String(m.periodStart), periodEnd: String(m.periodEnd), vision: m.vision,
  mission: m.mission.map((text) => ({ key: rowKey(), text })), legalBasis: m.legalBasis, status: m.status,
});
const toInput = (f: MpForm) => ({
  title: f.title, periodStart: num(f.periodStart), periodEnd: num(f.periodEnd), vision: f.vision,
  mission: f.mission.map((m) => m.text), legalBasis: f.legalBasis, status: f.status,
});

function MasterplanForm({ masterplan, regionCode, editable, onSaved, onError }: {
  masterplan: Masterplan; regionCode: string; editable: boolean; onSaved: () => void; onError: (e: ApiError) => void;
}) {
  const { t, lang } = useAdminI18n();
  // The create rules (with the period checks) on the whole form; the PATCH sends what changed.
  const check = useMemo(() => (f: MpForm, l: Lang) => validate(masterplanInput, { regionCode, ...toInput(f) }, l), [regionCode]);
  const form = useForm<MpForm>(toForm(masterplan), check, lang);
  const [busy, setBusy] = useState(false);
  const f = form.values;
  const setMission = (i: number, text: string) => form.update(`mission.${i}`, (v) => ({ ...v, mission: v.mission.map((m, j) => (j === i ? { ...m, text } : m)) }));
  const move = (i: number, d: -1 | 1) => form.update('mission', (v) => {
    const next = [...v.mission];
    const [row] = next.splice(i, 1);
    if (row) next.splice(i + d, 0, row);
    return { ...v, mission: next };
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.setSubmitted(true);
    if (!form.valid) return;
    const start = toInput(toForm(masterplan));
    const now = toInput(f);
    const patch = Object.fromEntries(FIELDS.filter((k) => JSON.stringify(start[k]) !== JSON.stringify(now[k])).map((k) => [k, now[k]]));
    setBusy(true);
    try {
      await apiWrite('PATCH', paths.masterplanById(masterplan.id), { version: masterplan.version, ...patch });
      clearApiCache();
      onSaved();
    } catch (err) {
      const apiErr = asApiError(err);
      if (!form.takeServerError(apiErr, (fld) => (FIELDS as readonly string[]).includes(fld.split('.')[0] ?? ''))) onError(apiErr);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="edit-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('masterplan.formLabel')}>
      <fieldset className="form-plain" disabled={!editable}>
        <legend className="visually-hidden">{t('masterplan.formLabel')}</legend>
        <section className="form-section">
          <div className="form-grid">
            <TextField className="span-2" label={t('fields.title')} name="title" required value={f.title} onChange={(v) => form.set('title', v)} error={form.errorOf('title')} />
            <TextField label={t('fields.periodStart')} name="periodStart" required inputMode="numeric" value={f.periodStart} onChange={(v) => form.set('periodStart', v)} error={form.errorOf('periodStart')} />
            <TextField label={t('fields.periodEnd')} name="periodEnd" required inputMode="numeric" value={f.periodEnd} onChange={(v) => form.set('periodEnd', v)} error={form.errorOf('periodEnd')} />
            <SelectField label={t('fields.status')} name="status" value={f.status} onChange={(v) => form.set('status', v as MasterplanStatus)} error={form.errorOf('status')}>
              <option value="draft">{t('masterplan.status.draft')}</option>
              <option value="adopted">{t('masterplan.status.adopted')}</option>
            </SelectField>
            <TextField className="span-2" label={t('fields.legalBasis')} name="legalBasis" value={f.legalBasis} onChange={(v) => form.set('legalBasis', v)} error={form.errorOf('legalBasis')} hint={t('masterplan.legalBasisHint')} />
            <TextArea className="span-2" label={t('fields.vision')} name="vision" rows={3} value={f.vision} onChange={(v) => form.set('vision', v)} error={form.errorOf('vision')} />
          </div>
        </section>
        <fieldset className="form-section">
          <legend>{t('fields.mission')}</legend>
          {f.mission.length === 0 && <p className="empty">{t('masterplan.noMission')}</p>}
          <ol className="mission-edit">
            {f.mission.map((m, i) => (
              <li key={m.key}>
                <TextArea label={t('masterplan.missionOf', { n: i + 1 })} name={`mission-${i}`} rows={2} value={m.text} onChange={(v) => setMission(i, v)} error={form.errorOf(`mission.${i}`)} />
                <p className="row-actions">
                  <button type="button" className="button button-small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('masterplan.moveUp', { n: i + 1 })}>↑</button>
                  <button type="button" className="button button-small" disabled={i === f.mission.length - 1} onClick={() => move(i, 1)} aria-label={t('masterplan.moveDown', { n: i + 1 })}>↓</button>
                  <button type="button" className="button button-small" onClick={() => form.update('mission', (v) => ({ ...v, mission: v.mission.filter((_, j) => j !== i) }))} aria-label={t('masterplan.removeMission', { n: i + 1 })}>{t('common.remove')}</button>
                </p>
              </li>
            ))}
          </ol>
          {form.errorOf('mission') && <p className="field-error">{form.errorOf('mission')}</p>}
          <p><button type="button" className="button button-small" onClick={() => form.update(`mission.${f.mission.length}`, (v) => ({ ...v, mission: [...v.mission, { key: rowKey(), text: '' }] }))}>{t('masterplan.addMission')}</button></p>
        </fieldset>
      </fieldset>
      {editable && <div className="save-bar"><button type="submit" className="button" disabled={busy}>{busy ? t('form.saving') : t('masterplan.save')}</button></div>}
    </form>
  );
}

/** "/admin/wilayah/:code/masterplan": the plan's facts, and the readiness analysis with SWOT. */
export function MasterplanPage({ code, access }: { code: string; access: Access }) {
  const { t } = useAdminI18n();
  const errorText = useErrorText();
  const live = useLive<Masterplan>(paths.masterplan(code));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const m = live.data;
  const reload = async () => {
    setError(null);
    await live.reload();
    setGeneration((g) => g + 1);
  };
  return (
    <>
      <PageHead title={t('masterplan.title')} eyebrow={m?.region.name} intro={t('masterplan.intro')} />
      {live.error && <ErrorAlert error={live.error} />}
      {!m && !live.error && <Loading height={420} />}
      {saved && <Alert kind="success"><p>{t('masterplan.saved')}</p></Alert>}
      {error && (
        <Alert kind="error" title={error.code === 'version_conflict' ? t('program.conflictTitle') : t('program.saveFailed')}>
          <p>{errorText(error)}</p>
          {error.code === 'version_conflict' && <p><button type="button" className="button" onClick={() => void reload()}>{t('program.reload')}</button></p>}
        </Alert>
      )}
      {m && (
        <>
          <MasterplanForm key={`${m.version}-${generation}`} masterplan={m} regionCode={code} editable={access.edit}
            onSaved={() => { setSaved(true); setError(null); void reload(); }} onError={(e) => { setSaved(false); setError(e); }} />
          <ReadinessEditor masterplan={m} editable={access.edit} onSaved={() => void live.reload()} />
        </>
      )}
    </>
  );
}
