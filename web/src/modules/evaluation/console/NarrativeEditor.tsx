import { useState } from 'react';
import { apiWrite, type ApiError } from '../../../core/api/client.ts';
import { pick } from '../../../core/format.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { evalPaths, type CycleView } from '../api.ts';
import { useEvalI18n } from '../i18n.ts';
import { asApiError, errorText } from './errors.ts';

const KINDS = ['strengths', 'weaknesses', 'recommendations'] as const;
type Kind = (typeof KINDS)[number];
const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/** Strengths, weaknesses, recommendations: computed candidates taken into an editable text (one item per line); then finalise. */
export function NarrativeEditor({ cycle, onSaved }: { cycle: CycleView; onSaved: () => void }) {
  const { t, lang } = useEvalI18n();
  const code = cycle.region.code;
  const [text, setText] = useState<Record<Kind, string>>(() => ({
    strengths: cycle.narrative.strengths.join('\n'), weaknesses: cycle.narrative.weaknesses.join('\n'), recommendations: cycle.narrative.recommendations.join('\n'),
  }));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const edit = (k: Kind, v: string) => { setText((x) => ({ ...x, [k]: v })); setDirty(true); setSaved(null); };
  const take = (k: Kind, s: string) => {
    const now = lines(text[k]);
    if (!now.includes(s)) edit(k, [...now, s].join('\n'));
  };
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setSaved(ok);
      setDirty(false);
      onSaved();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () => run(() => apiWrite('PUT', evalPaths.narrative(code, cycle.year), {
    version: cycle.version, strengths: lines(text.strengths), weaknesses: lines(text.weaknesses), recommendations: lines(text.recommendations),
  }), t('narrative.saved'));
  const finalize = () => run(() => apiWrite('POST', evalPaths.finalize(code, cycle.year), { version: cycle.version }), t('finalize.done'));
  return (
    <section className="section eval-narrative-editor" aria-labelledby="narr-h">
      <h2 id="narr-h">{t('narrative.title')}</h2>
      <p className="note">{t('narrative.help')}</p>
      <div className="eval-narrative">
        {KINDS.map((k) => (
          <div key={k} className={`card eval-${k}`}>
            <div className={`field ${error?.field?.startsWith(k) ? 'has-error' : ''}`}>
              <label htmlFor={`narr-${k}`}>{t(`narrative.${k}`)}</label>
              <textarea id={`narr-${k}`} rows={6} value={text[k]} onChange={(e) => edit(k, e.target.value)} />
            </div>
            {(cycle.candidates?.[k] ?? []).length > 0 && (
              <details open>
                <summary>{t('narrative.candidates')}</summary>
                <ul className="eval-candidates">
                  {cycle.candidates![k].map((c, i) => (
                    <li key={`${c.kind}-${c.key}-${i}`}>
                      <span>{pick(c.text, lang)}</span>{' '}
                      <button type="button" className="button button-small" onClick={() => take(k, pick(c.text, lang))}
                        aria-label={t('narrative.takeLabel', { text: pick(c.text, lang) })}>{t('narrative.take')}</button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        ))}
      </div>
      <div className="save-bar eval-save-bar">
        {error && <Alert kind="error"><p>{errorText(error, t, lang)}</p></Alert>}
        {saved && <p role="status" className="eval-saved">{saved}</p>}
        <button type="button" className="button" disabled={busy || !dirty} onClick={() => void save()}>{t('narrative.save')}</button>{' '}
        {cycle.can.finalize && !confirming && (
          <button type="button" className="button button-secondary" disabled={busy || dirty} onClick={() => setConfirming(true)}>{t('finalize.button')}</button>
        )}
        {cycle.can.finalize && confirming && (
          <span className="confirm" role="group" aria-label={t('finalize.confirm')}>
            <span className="confirm-q">{t('finalize.confirm')}</span>{' '}
            <button type="button" className="button button-small button-danger" onClick={() => { setConfirming(false); void finalize(); }}>{t('finalize.yes')}</button>{' '}
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>{t('finalize.no')}</button>
          </span>
        )}
        {cycle.can.finalize && dirty && <p className="small muted">{t('self.saveFirst')}</p>}
      </div>
    </section>
  );
}
