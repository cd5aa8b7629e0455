import { Link } from 'wouter';
import type { CycleView, SelfAnswer } from '../api.ts';
import { useEvalI18n } from '../i18n.ts';

/** The evidence ("data dukung") of one answer: uploaded files and links to Pilar's own records. */
export function EvidenceList({ answer, evidence }: { answer: SelfAnswer | undefined; evidence: CycleView['evidence'] }) {
  const { t } = useEvalI18n();
  const files = answer?.files ?? [];
  const links = answer?.links ?? [];
  if (!answer) return <span className="muted">—</span>;
  if (!files.length && !links.length) return <span className="badge eval-no-evidence">{t('evidence.none')}</span>;
  return (
    <ul className="eval-evidence">
      {files.map((id) => {
        const f = evidence.files[id];
        return <li key={id}>{f ? <a href={f.url} target="_blank" rel="noreferrer">{f.name}</a> : <span className="muted">{t('evidence.fileHidden')}</span>}</li>;
      })}
      {links.map((l) => {
        const title = evidence.links[l.id]?.title ?? t(`evidence.kind.${l.kind}`);
        return <li key={`${l.kind}-${l.id}`}>{l.kind === 'program' ? <Link href={`~/program/${l.id}`}>{title}</Link> : <span>{title}</span>}</li>;
      })}
    </ul>
  );
}
