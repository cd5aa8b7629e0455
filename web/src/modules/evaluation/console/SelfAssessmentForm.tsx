import { useMemo, useState } from 'react';
import { apiWrite, type ApiError } from '../../../core/api/client.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { FileUpload, type FileMeta } from '../../files/FileUpload.tsx';
import { evalPaths, type CycleView, type EvidenceLink, type EvidenceOptions, type Indicator, type SelfAnswer } from '../api.ts';
import { useEvalI18n } from '../i18n.ts';
import { asApiError, errorText, fieldOf } from './errors.ts';

type Draft = Omit<SelfAnswer, 'files'> & { files: FileMeta[] };

function draftOf(v: CycleView, key: string): Draft {
  const a = v.selfAnswers[key];
  const files = (a?.files ?? []).map((id) => v.evidence.files[id]).filter((f): f is NonNullable<typeof f> => !!f) as unknown as FileMeta[];
  return { level: a?.level ?? null, metLevels: a?.metLevels ?? null, justification: a?.justification ?? '', files, links: a?.links ?? [], suggested: a?.suggested ?? null };
}

/** The coordinator's/Bappeda's self-assessment: per component and aspect, level descriptions visible, evidence attached. */
export function SelfAssessmentForm({ cycle, onSaved }: { cycle: CycleView; onSaved: () => void }) {
  const { t, lang } = useEvalI18n();
  const code = cycle.region.code;
  const options = useApi<EvidenceOptions>(evalPaths.evidenceOptions(code, cycle.year));
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = Object.keys(drafts);
  const get = (key: string) => drafts[key] ?? draftOf(cycle, key);
  const set = (key: string, patch: Partial<Draft>) => {
    setSaved(null);
    setDrafts((d) => ({ ...d, [key]: { ...(d[key] ?? draftOf(cycle, key)), ...patch } }));
  };
  const titles = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of options.data?.programs ?? []) m.set(p.id, p.title);
    for (const q of options.data?.quickWins ?? []) m.set(q.id, q.title);
    for (const r of options.data?.reports ?? []) m.set(r.id, r.title);
    for (const [id, l] of Object.entries(cycle.evidence.links)) m.set(id, l.title);
    return m;
  }, [options.data, cycle.evidence.links]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const answers = Object.fromEntries(dirty.map((k) => {
        const d = drafts[k]!;
        return [k, { level: d.level ?? null, metLevels: d.metLevels ?? null, justification: d.justification, files: d.files.map((f) => f.id), links: d.links, suggested: d.suggested ?? null }];
      }));
      await apiWrite('PUT', evalPaths.selfAssessment(code, cycle.year), { version: cycle.version, answers });
      setDrafts({});
      setSaved(t('self.saved', { n: dirty.length }));
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiWrite('POST', evalPaths.submit(code, cycle.year), { version: cycle.version });
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const answered = Object.keys(cycle.selfAnswers).length;
  const total = cycle.scores.self.indicators.length;

  const indicator = (ind: Indicator) => {
    const d = get(ind.key);
    const s = cycle.suggestions[ind.key];
    const err = fieldOf(error, ind.key) ? errorText(error!, t, lang) : null;
    const pickLevel = (level: number) => set(ind.key, { level, metLevels: null, suggested: s ? { level: s.level, confirmed: s.level === level } : d.suggested ?? null });
    const toggleMet = (level: number, on: boolean) => {
      const met = new Set(d.metLevels ?? []);
      if (on) met.add(level); else met.delete(level);
      set(ind.key, { level: null, metLevels: [...met].sort((a, b) => a - b) });
    };
    const addLink = (value: string) => {
      if (!value) return;
      const [kind, id] = value.split(':') as [EvidenceLink['kind'], string];
      if (d.links.some((l) => l.id === id)) return;
      set(ind.key, { links: [...d.links, { kind, id }] });
    };
    const accept = () => {
      if (!s) return;
      const links = [...d.links];
      for (const l of s.links) if (!links.some((x) => x.id === l.id)) links.push(l);
      set(ind.key, { level: s.level, metLevels: null, links, suggested: { level: s.level, confirmed: true } });
    };
    return (
      <fieldset key={ind.key} className={`eval-indicator ${err ? 'has-error' : ''}`} id={`ind-${ind.key}`} data-indicator={ind.key}>
        <legend>{pick(ind.name, lang)}{ind.dimension && <span className="muted small"> · {t(`dimensions.${ind.dimension}`)}</span>}</legend>
        {s && (
          <div className="eval-suggestion" role="note">
            <p><strong>{t('self.suggestion', { level: s.level })}</strong> {pick(s.explanation, lang)}</p>
            <button type="button" className="button button-small" onClick={accept}>{t('self.acceptSuggestion')}</button>
            {d.suggested && !d.suggested.confirmed && <p className="small muted">{t('self.overridden')}</p>}
          </div>
        )}
        <div className="eval-levels" role={ind.cumulative ? 'group' : 'radiogroup'} aria-label={t('self.levelFor', { name: pick(ind.name, lang) })}>
          {ind.levels.map((l) => (
            <label key={l.level} className="eval-level">
              {ind.cumulative
                ? <input type="checkbox" checked={(d.metLevels ?? []).includes(l.level)} onChange={(e) => toggleMet(l.level, e.target.checked)} />
                : <input type="radio" name={`level-${ind.key}`} value={l.level} checked={d.level === l.level} onChange={() => pickLevel(l.level)} />}
              <span>
                <strong>{t('self.level', { level: l.level })}{l.name ? ` ${pick(l.name, lang)}` : ''}</strong> — {pick(l.description, lang)}
                {l.evidence && <span className="small muted eval-level-evidence"> {t('self.expectedEvidence')}: {pick(l.evidence, lang)}</span>}
              </span>
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`just-${ind.key}`}>{t('self.justification')}</label>
          <textarea id={`just-${ind.key}`} rows={2} value={d.justification} onChange={(e) => set(ind.key, { justification: e.target.value })} />
        </div>
        <FileUpload regionCode={code} value={d.files} onChange={(files) => set(ind.key, { files })} label={t('self.files')} name={`files-${ind.key}`} />
        <div className="field">
          <label htmlFor={`link-${ind.key}`}>{t('self.linkLabel')}</label>
          <select id={`link-${ind.key}`} value="" onChange={(e) => addLink(e.target.value)}>
            <option value="">{t('self.linkChoose')}</option>
            <optgroup label={t('evidence.kind.quickwin')}>{(options.data?.quickWins ?? []).map((q) => <option key={q.id} value={`quickwin:${q.id}`}>{q.title}</option>)}</optgroup>
            <optgroup label={t('evidence.kind.report')}>{(options.data?.reports ?? []).map((r) => <option key={r.id} value={`report:${r.id}`}>{r.title}</option>)}</optgroup>
            <optgroup label={t('evidence.kind.program')}>{(options.data?.programs ?? []).map((p) => <option key={p.id} value={`program:${p.id}`}>{p.title}</option>)}</optgroup>
          </select>
          {d.links.length > 0 && (
            <ul className="eval-links">
              {d.links.map((l) => (
                <li key={l.id}>
                  <span>{titles.get(l.id) ?? t(`evidence.kind.${l.kind}`)}</span>{' '}
                  <button type="button" className="link-button" onClick={() => set(ind.key, { links: d.links.filter((x) => x.id !== l.id) })}
                    aria-label={t('self.removeLink', { name: titles.get(l.id) ?? l.kind })}>×</button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {!d.files.length && !d.links.length && (d.level != null || (d.metLevels ?? []).length > 0) && <p className="small eval-warn">{t('evidence.noneWarning')}</p>}
        {err && <p className="field-error" role="alert">{err}</p>}
      </fieldset>
    );
  };

  return (
    <div className="eval-self">
      <p className="note">{t('self.progress', { answered, total })}</p>
      {cycle.instrument.components.map((c) => (
        <section key={c.key} className="section eval-component" aria-labelledby={`comp-${c.key}`}>
          <h2 id={`comp-${c.key}`}>{pick(c.name, lang)} <span className="muted small">({t('result.weight')} {Math.round(c.weight * 1000) / 10} %)</span></h2>
          {c.aspects.map((a) => (
            <div key={a.key} className="eval-aspect">
              {c.aspects.length > 1 && <h3>{pick(a.name, lang)}</h3>}
              {a.indicators.map(indicator)}
            </div>
          ))}
        </section>
      ))}
      <div className="save-bar eval-save-bar">
        {error && !dirty.some((k) => fieldOf(error, k)) && <Alert kind="error"><p>{errorText(error, t, lang)}</p></Alert>}
        {saved && <p role="status" className="eval-saved">{saved}</p>}
        <button type="button" className="button" disabled={busy || dirty.length === 0} onClick={() => void save()}>{t('self.save', { n: dirty.length })}</button>{' '}
        <button type="button" className="button button-secondary" disabled={busy || dirty.length > 0 || answered === 0} onClick={() => void submit()}>{t('self.submit')}</button>
        {dirty.length > 0 && <p className="small muted">{t('self.saveFirst')}</p>}
      </div>
    </div>
  );
}
