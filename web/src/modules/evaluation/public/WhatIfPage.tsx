import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { apiWrite, type ApiError } from '../../../core/api/client.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { Breadcrumbs } from '../../../core/layout/Breadcrumbs.tsx';
import { ErrorState, InlineError } from '../../../core/ui/ErrorState.tsx';
import { PageSkeleton } from '../../../core/ui/Skeleton.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { evalPaths, named, type IndexAnswer, type InstrumentSummary } from '../api.ts';
import { fmt2, useEvalI18n } from '../i18n.ts';
import '../evaluation.css';

const predicateText = (a: IndexAnswer, lang: 'id' | 'en') => (a.predicate ? (lang === 'en' && a.predicateEn ? a.predicateEn : a.predicate) : null);

/** "/evaluasi/kalkulator": choose an instrument, slide component scores, see the index the server computes. */
export default function WhatIfPage() {
  const { t, lang } = useEvalI18n();
  const list = useApi<InstrumentSummary[]>(evalPaths.instruments());
  const [chosen, setChosen] = useState<string>('');
  const [scores, setScores] = useState<Record<string, number>>({});
  const [answer, setAnswer] = useState<IndexAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useDocumentTitle(t('whatIf.title'));
  const instruments = list.data ?? [];
  const instrument = instruments.find((i) => i.id === chosen) ?? instruments[0];
  useEffect(() => {
    if (!instrument) return;
    const mid = Math.round((instrument.scale.min + instrument.scale.max) / 2);
    setScores((s) => Object.fromEntries(instrument.components.map((c) => [c.key, s[c.key] ?? mid])));
  }, [instrument]);
  useEffect(() => {
    if (!instrument || instrument.components.some((c) => scores[c.key] === undefined)) return;
    let live = true;
    const timer = window.setTimeout(() => {
      apiWrite<IndexAnswer>('POST', evalPaths.index(), { instrument: instrument.id, components: scores })
        .then((a) => { if (live) { setAnswer(a); setError(null); } })
        .catch((e: ApiError) => { if (live) setError(e); });
    }, 150);
    return () => { live = false; window.clearTimeout(timer); };
  }, [instrument, scores]);
  if (list.error) return <ErrorState error={list.error} />;
  if (!list.data) return <PageSkeleton />;
  return (
    <>
      <Breadcrumbs items={[{ label: t('national.crumb'), href: '/evaluasi' }, { label: t('whatIf.crumb') }]} />
      <div className="page-head">
        <h1>{t('whatIf.title')}</h1>
        <p className="lead">{t('whatIf.lead')}</p>
      </div>
      <div className="two-col eval-two">
        <form className="form-stack" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="whatif-instrument">{t('whatIf.instrument')}</label>
            <select id="whatif-instrument" value={instrument?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {instruments.map((i) => <option key={i.id} value={i.id}>{named(i, lang)}</option>)}
            </select>
          </div>
          {instrument?.components.map((c) => (
            <div className="field eval-slider" key={`${instrument.id}-${c.key}`}>
              <label htmlFor={`whatif-${c.key}`}>{named(c, lang)} <span className="muted small">({t('result.weight')} {Math.round(c.weight * 1000) / 10} %)</span></label>
              <input id={`whatif-${c.key}`} type="range" min={instrument.scale.min} max={instrument.scale.max} step={0.1} value={scores[c.key] ?? instrument.scale.min}
                onChange={(e) => setScores((s) => ({ ...s, [c.key]: Number(e.target.value) }))} />
              <output htmlFor={`whatif-${c.key}`}>{fmt2(scores[c.key] ?? instrument.scale.min, lang)}</output>
            </div>
          ))}
        </form>
        <div className="card eval-whatif-result" aria-live="polite">
          <p className="stat-label">{t('result.index')}</p>
          <p className="big-figure" data-testid="whatif-index">{answer ? fmt2(answer.index, lang) : '…'}</p>
          {answer && predicateText(answer, lang) && <p>{t('result.predicate')}: <strong>{predicateText(answer, lang)}</strong></p>}
          {error && <InlineError error={error} />}
          <p className="small muted">{t('whatIf.note')}</p>
          <p><Link href="/evaluasi">{t('whatIf.toNational')}</Link></p>
        </div>
      </div>
    </>
  );
}
