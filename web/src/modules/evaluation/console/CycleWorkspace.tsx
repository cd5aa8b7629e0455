import { Link } from 'wouter';
import { useEffect, useState } from 'react';
import { getJson } from '../../../core/api/client.ts';
import { pick } from '../../../core/format.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { evalPaths, type CycleView, type Status } from '../api.ts';
import { fmt2, useEvalI18n } from '../i18n.ts';
import { NarrativeEditor } from './NarrativeEditor.tsx';
import { SelfAssessmentForm } from './SelfAssessmentForm.tsx';
import { useCycle } from './useCycle.ts';
import { ValidationView } from './ValidationView.tsx';
import '../evaluation.css';

const STEPS: Status[] = ['self_assessment', 'submitted', 'final'];

type Event = { version: number; action: string; actor: string | null; at: string; changed: string[]; status: Status };

function History({ cycle }: { cycle: CycleView }) {
  const { t, lang } = useEvalI18n();
  const [events, setEvents] = useState<Event[] | null>(null);
  useEffect(() => {
    getJson<Event[]>(evalPaths.history(cycle.region.code, cycle.year)).then(setEvents, () => setEvents([]));
  }, [cycle.region.code, cycle.year, cycle.version]);
  if (!events?.length) return null;
  const when = (iso: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <details className="section eval-history">
      <summary>{t('console.history')} ({events.length})</summary>
      <ol>
        {events.map((e) => (
          <li key={e.version}>{when(e.at)} · {t(`actions.${e.action}`)} · {e.actor ?? '—'}{e.changed.length ? ` · ${e.changed.slice(0, 6).join(', ')}${e.changed.length > 6 ? ' …' : ''}` : ''}</li>
        ))}
      </ol>
    </details>
  );
}

/** Console page of one year's cycle: what the caller can do now (self-assess, validate, narrative, finalise) and where it stands. */
export default function CycleWorkspace({ code, year }: { code: string; year: number }) {
  const { t, lang } = useEvalI18n();
  const { data: c, error, reload } = useCycle(code, year);
  useDocumentTitle(t('console.cycleTitle', { year }));
  if (error) return <Alert kind="error"><p>{error.apiMessage ? pick(error.apiMessage, lang) : t('errors.load')}</p></Alert>;
  if (!c) return <div className="sk sk-block" style={{ height: 320 }} aria-busy="true" />;
  const validated = c.scores.validated;
  return (
    <>
      <div className="page-head admin-page-head">
        <div>
          <p className="eyebrow"><Link href={`/wilayah/${code}/evaluasi`}>{t('console.title')}</Link> · {c.region.name}</p>
          <h1>{t('console.cycleTitle', { year })} <IllustrativeBadge show={c.illustrative} /></h1>
          <p className="lead">{pick(c.instrument.name, lang)}{c.instrument.ownWording ? ` — ${t('result.ownWording')}` : ''}</p>
        </div>
      </div>
      <ol className="eval-steps" aria-label={t('console.steps')}>
        {STEPS.map((s) => <li key={s} aria-current={c.status === s ? 'step' : undefined} className={c.status === s ? 'is-current' : ''}>{t(`status.${s}`)}</li>)}
      </ol>
      <p className="eval-live-index" role="status">
        {t('result.selfIndex')}: <strong data-testid="console-self-index">{fmt2(c.scores.self.index, lang)}</strong>
        {validated && <> · {t('result.index')}: <strong data-testid="console-validated-index">{fmt2(validated.index, lang)}</strong></>}
      </p>
      {c.status === 'final' && (
        <Alert kind="success" title={t('finalize.published')}>
          <p><Link href={`~/wilayah/${code}/evaluasi/${year}`}>{t('console.viewResult')}</Link></p>
        </Alert>
      )}
      {c.status === 'submitted' && !c.can.validate && <Alert kind="info"><p>{t('console.waitingForAssessor')}</p></Alert>}
      {c.status === 'self_assessment' && !c.can.selfAssess && <Alert kind="info"><p>{t('console.waitingForRegion')}</p></Alert>}
      {c.can.selfAssess && <SelfAssessmentForm cycle={c} onSaved={reload} />}
      {c.can.validate && <ValidationView cycle={c} onSaved={reload} />}
      {c.can.narrative && <NarrativeEditor cycle={c} onSaved={reload} />}
      <History cycle={c} />
    </>
  );
}
