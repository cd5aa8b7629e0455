import { useState } from 'react';
import { apiWrite, type ApiError } from '../../../core/api/client.ts';
import { pick } from '../../../core/format.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { evalPaths, type CycleView, type Indicator, type ValidatedAnswer } from '../api.ts';
import { useEvalI18n } from '../i18n.ts';
import { EvidenceList } from '../shared/EvidenceList.tsx';
import { asApiError, errorText, fieldOf } from './errors.ts';

/** A level of an answer as one number (cumulative: the highest level whose criteria and all below are met). */
function levelOf(ind: Indicator, a: { level?: number | null; metLevels?: number[] | null } | undefined): number | null {
  if (!a) return null;
  if (ind.cumulative && a.metLevels) {
    const met = new Set(a.metLevels);
    let reached: number | null = null;
    for (const l of ind.levels.map((x) => x.level).sort((p, q) => p - q)) {
      if (!met.has(l)) break;
      reached = l;
    }
    return reached ?? 0;
  }
  return a.level ?? null;
}

const answerFor = (ind: Indicator, level: number, reason: string): ValidatedAnswer =>
  ind.cumulative ? { level: null, metLevels: ind.levels.map((l) => l.level).filter((l) => l <= level), reason } : { level, metLevels: null, reason };

/** The assessor's view: each self-assessed answer with its evidence; a validated level and, where it differs, a reason. */
export function ValidationView({ cycle, onSaved }: { cycle: CycleView; onSaved: () => void }) {
  const { t, lang } = useEvalI18n();
  const code = cycle.region.code;
  const [drafts, setDrafts] = useState<Record<string, { level: number | null; reason: string }>>({});
  const [notes, setNotes] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const all = cycle.instrument.components.flatMap((c) => c.aspects.flatMap((a) => a.indicators));
  const current = (ind: Indicator) => drafts[ind.key] ?? {
    level: levelOf(ind, cycle.validation[ind.key]) ?? levelOf(ind, cycle.selfAnswers[ind.key]),
    reason: cycle.validation[ind.key]?.reason ?? '',
  };
  const set = (ind: Indicator, patch: Partial<{ level: number | null; reason: string }>) => {
    setSaved(null);
    setDrafts((d) => ({ ...d, [ind.key]: { ...current(ind), ...patch } }));
  };
  const dirty = Object.keys(drafts);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const answers = Object.fromEntries(dirty.map((k) => {
        const ind = all.find((i) => i.key === k)!;
        const d = drafts[k]!;
        return [k, d.level == null ? null : answerFor(ind, d.level, d.reason)];
      }));
      await apiWrite('PUT', evalPaths.validation(code, cycle.year), { version: cycle.version, answers, ...(notes !== null ? { interviewNotes: notes } : {}) });
      setDrafts({});
      setNotes(null);
      setSaved(t('validate.saved'));
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="eval-validate">
      {cycle.instrument.components.map((c) => (
        <section key={c.key} className="section" aria-labelledby={`vcomp-${c.key}`}>
          <h2 id={`vcomp-${c.key}`}>{pick(c.name, lang)}</h2>
          {c.aspects.flatMap((a) => a.indicators).map((ind) => {
            const self = levelOf(ind, cycle.selfAnswers[ind.key]);
            const d = current(ind);
            const differs = d.level !== self;
            const err = fieldOf(error, ind.key) ? errorText(error!, t, lang) : null;
            const answer = cycle.selfAnswers[ind.key];
            return (
              <fieldset key={ind.key} className={`eval-indicator ${differs ? 'eval-differs' : ''} ${err ? 'has-error' : ''}`} data-indicator={ind.key}>
                <legend>{pick(ind.name, lang)}</legend>
                <p>{t('validate.selfLevel')}: <strong>{self ?? '—'}</strong>{answer?.justification ? ` — ${answer.justification}` : ''}</p>
                <div className="small"><span className="muted">{t('result.evidence')}:</span> <EvidenceList answer={answer} evidence={cycle.evidence} /></div>
                <div className="form-grid">
                  <div className="field">
                    <label htmlFor={`vlevel-${ind.key}`}>{t('validate.level')}</label>
                    <select id={`vlevel-${ind.key}`} value={d.level ?? ''} onChange={(e) => set(ind, { level: e.target.value === '' ? null : Number(e.target.value) })}>
                      <option value="">{t('validate.none')}</option>
                      {ind.levels.map((l) => <option key={l.level} value={l.level}>{t('self.level', { level: l.level })} — {pick(l.description, lang).slice(0, 90)}</option>)}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`vreason-${ind.key}`}>{t('validate.reason')}{differs ? ' *' : ''}</label>
                    <textarea id={`vreason-${ind.key}`} rows={2} value={d.reason} aria-invalid={err ? true : undefined} onChange={(e) => set(ind, { reason: e.target.value })} />
                    {differs && !d.reason.trim() && <p className="field-hint">{t('validate.reasonHint')}</p>}
                  </div>
                </div>
                {err && <p className="field-error" role="alert">{err}</p>}
              </fieldset>
            );
          })}
        </section>
      ))}
      <section className="section">
        <div className="field">
          <label htmlFor="eval-interview">{t('validate.interviewNotes')}</label>
          <textarea id="eval-interview" rows={4} value={notes ?? cycle.interviewNotes ?? ''} onChange={(e) => { setSaved(null); setNotes(e.target.value); }} />
        </div>
      </section>
      <div className="save-bar eval-save-bar">
        {error && !dirty.some((k) => fieldOf(error, k)) && <Alert kind="error"><p>{errorText(error, t, lang)}</p></Alert>}
        {saved && <p role="status" className="eval-saved">{saved}</p>}
        <button type="button" className="button" disabled={busy || (dirty.length === 0 && notes === null)} onClick={() => void save()}>{t('validate.save')}</button>
      </div>
    </div>
  );
}
