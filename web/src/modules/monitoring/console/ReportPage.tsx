import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, apiWrite, asApiError } from '../../../core/api/client.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { formatRupiah, pick } from '../../../core/format.ts';
import { Alert, TextArea, TextField } from '../../../core/ui/form.tsx';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { serverMessage } from '../../admin/core/validation.ts';
import { ErrorAlert, Loading, PageHead } from '../../admin/core/ui.tsx';
import { useLive } from '../../admin/core/useLive.ts';
import { FileChips, FileUpload, type FileMeta } from '../../files/FileUpload.tsx';
import { monPaths, type ReportView } from '../api.ts';
import { useMonI18n } from '../i18n.ts';
import { ReportStatusBadge } from '../ui.tsx';

type Form = {
  physicalPct: string; budgetRealised: string; narrative: string; obstacles: string; followUp: string;
  kpis: Record<string, { value: string; breakdown: Record<string, string> }>;
  files: FileMeta[];
};

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
/** "12,5" or "12.5" → 12.5; "" → null; anything else → NaN (the server names the field). */
const parseNum = (s: string): number | null => {
  const t = s.trim().replace(/\s/g, '');
  if (!t) return null;
  const normal = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(',', '.');
  return Number(normal);
};

function formOf(r: ReportView): Form {
  const kpis: Form['kpis'] = {};
  for (const k of r.program.kpis) {
    const v = r.kpis.find((x) => x.kpiId === k.id);
    kpis[k.id] = { value: str(v?.value), breakdown: Object.fromEntries(Object.entries(v?.breakdown ?? {}).map(([c, n]) => [c, String(n)])) };
  }
  return {
    physicalPct: str(r.physicalPct), budgetRealised: str(r.budgetRealised), narrative: r.narrative, obstacles: r.obstacles, followUp: r.followUp,
    kpis, files: r.files,
  };
}

function bodyOf(f: Form, version: number) {
  return {
    version,
    physicalPct: parseNum(f.physicalPct),
    budgetRealised: parseNum(f.budgetRealised),
    narrative: f.narrative, obstacles: f.obstacles, followUp: f.followUp,
    kpis: Object.entries(f.kpis).map(([kpiId, v]) => {
      const breakdown = Object.fromEntries(Object.entries(v.breakdown).filter(([, s]) => s.trim() !== '').map(([c, s]) => [c, parseNum(s)]));
      return { kpiId, value: parseNum(v.value), breakdown: Object.keys(breakdown).length ? breakdown : null };
    }),
    files: f.files.map((x) => x.id),
  };
}

/** One progress report: the officer fills and submits it; the reviewer returns or approves it. */
export default function ReportPage({ id }: { id: string }) {
  const { t, lang, date, pct, num } = useMonI18n();
  const live = useLive<ReportView>(monPaths.report(id));
  const r = live.data;
  const [form, setForm] = useState<Form | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const [comment, setComment] = useState('');
  // The form follows the server when the report opens or changes status (submitted, returned,
  // approved); a reload after a save or a refused submit keeps what the user is typing.
  const statusKey = r ? `${r.id}/${r.status}` : '';
  useEffect(() => {
    if (r) setForm(formOf(r));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [statusKey]);
  if (live.error && !r) return <ErrorAlert error={live.error} />;
  if (!r || !form) return <Loading height={320} />;

  // Numbers that do not parse are named before anything is sent (the server would read them as empty).
  const notNumber = (v: string) => Number.isNaN(parseNum(v) ?? 0);
  const localErrors: Record<string, string> = {};
  if (notNumber(form.physicalPct)) localErrors.physicalPct = t('report.notNumber');
  if (notNumber(form.budgetRealised)) localErrors.budgetRealised = t('report.notNumber');
  for (const k of r.program.kpis) if (notNumber(form.kpis[k.id]?.value ?? '')) localErrors[`kpis.${k.id}`] = t('report.notNumber');
  const hasLocalErrors = Object.keys(localErrors).length > 0;
  const fieldError = (name: string) => localErrors[name] ?? (error && error.field === name ? serverMessage(error, lang, '') : null);
  const fieldStarts = (prefix: string) => (error?.field?.startsWith(prefix) ? serverMessage(error, lang, '') : null);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const setKpi = (kpiId: string, patch: Partial<Form['kpis'][string]>) => set({ kpis: { ...form.kpis, [kpiId]: { ...form.kpis[kpiId]!, ...patch } } });

  async function run(what: () => Promise<unknown>, done: string) {
    if (hasLocalErrors && r?.can.write) return;
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await what();
      clearApiCache();
      await live.reload();
      setNotice(done);
    } catch (e) {
      setError(asApiError(e));
      await live.reload();
    } finally {
      setBusy(false);
    }
  }
  const save = () => run(() => apiWrite('PATCH', monPaths.report(id), bodyOf(form, r.version)), t('report.saved'));
  const submit = () => run(async () => {
    const saved = await apiWrite<{ version: number }>('PATCH', monPaths.report(id), bodyOf(form, r.version));
    await apiWrite('POST', monPaths.transition(id, 'submit'), { version: saved.version });
  }, t('report.submittedNotice'));
  const review = (action: 'return' | 'approve') => run(async () => {
    await apiWrite('POST', monPaths.transition(id, action), { version: r.version, comment });
    setComment('');
  }, action === 'approve' ? t('report.approvedNotice') : t('report.returnedNotice'));

  const generalError = error && !['physicalPct', 'budgetRealised', 'narrative', 'obstacles', 'followUp', 'files', 'comment'].includes(error.field ?? '') && !error.field?.startsWith('kpis');
  const locs = r.program.locations;
  return (
    <div className="mon-report-page">
      <PageHead
        eyebrow={<Link href={`/wilayah/${r.program.regionCode}/monitoring/pembaruan`}>{t('nav.mine')}</Link>}
        title={t('report.title', { code: r.program.code, label: r.period.label })}
        intro={<>{r.program.title} · {r.program.leadOpd.abbreviation} · {t('period.due')}: {date(r.period.dueOn)}</>}
        actions={<ReportStatusBadge status={r.status} />}
      />
      <IllustrativeBadge show={r.illustrative} />
      {r.status === 'returned' && r.reviewComment && (
        <div className="mon-comment" role="note" aria-label={t('report.reviewComment')}>
          <p className="alert-title">{t('report.returnedBy', { name: r.reviewedBy?.name ?? '', date: date(r.reviewedAt) })}</p>
          <p data-testid="review-comment">{r.reviewComment}</p>
        </div>
      )}
      {notice && <Alert kind="success"><p>{notice}</p></Alert>}
      {error && generalError && <ErrorAlert error={error} />}
      {error && !generalError && <Alert kind="error"><p>{t('report.fixFields')} {serverMessage(error, lang, '')}</p></Alert>}
      {!r.can.write && r.status !== 'approved' && r.status !== 'submitted' && <p className="muted">{t('report.readOnly')}</p>}
      {r.status === 'submitted' && !r.can.review && <Alert kind="info"><p>{t('report.waiting')}</p></Alert>}

      {r.can.write ? (
        <form className="mon-form" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-busy={busy}>
          <fieldset>
            <legend>{t('report.progressLegend')}</legend>
            <TextField label={t('report.physicalPct')} name="physicalPct" inputMode="decimal" value={form.physicalPct} onChange={(v) => set({ physicalPct: v })}
              hint={t('report.physicalHint')} error={fieldError('physicalPct')} required />
            <TextField label={t('report.budgetRealised')} name="budgetRealised" inputMode="numeric" value={form.budgetRealised} onChange={(v) => set({ budgetRealised: v })}
              hint={t('report.budgetHint', { planned: formatRupiah(r.budgetPlanned), year: r.period.year })} error={fieldError('budgetRealised')} required />
          </fieldset>
          {r.program.kpis.length > 0 && (
            <fieldset>
              <legend>{t('report.kpiLegend')}</legend>
              {r.program.kpis.map((k, i) => (
                <div key={k.id} className="mon-kpi-field">
                  <TextField label={`${k.name} (${k.unit})`} name={`kpi-${i}`} inputMode="decimal" value={form.kpis[k.id]?.value ?? ''} onChange={(v) => setKpi(k.id, { value: v })}
                    hint={k.expected ? t('report.kpiHint', { target: num(k.expected.value), unit: k.unit, polarity: t(`kpi.polarity.${k.polarity}`) }) : t('report.kpiNoTarget')}
                    error={fieldError(`kpis.${k.id}`) ?? fieldStarts(`kpis.${i}`)} required />
                  {locs.length > 0 && (
                    <details>
                      <summary>{t('report.breakdown')}</summary>
                      <div className="mon-breakdown">
                        {locs.map((l) => (
                          <TextField key={l.code} label={l.name} name={`kpi-${i}-${l.code}`} inputMode="decimal" value={form.kpis[k.id]?.breakdown[l.code] ?? ''}
                            onChange={(v) => setKpi(k.id, { breakdown: { ...form.kpis[k.id]!.breakdown, [l.code]: v } })} />
                        ))}
                      </div>
                    </details>
                  )}
                </div>
              ))}
            </fieldset>
          )}
          <TextArea label={t('report.narrative')} name="narrative" value={form.narrative} onChange={(v) => set({ narrative: v })} error={fieldError('narrative')} required />
          <TextArea label={t('report.obstacles')} name="obstacles" value={form.obstacles} onChange={(v) => set({ obstacles: v })} error={fieldError('obstacles')} rows={3} />
          <TextArea label={t('report.followUp')} name="followUp" value={form.followUp} onChange={(v) => set({ followUp: v })} error={fieldError('followUp')} rows={3} />
          <FileUpload regionCode={r.program.regionCode} value={form.files} onChange={(files) => set({ files })} label={t('report.evidence')} name="evidence" error={fieldError('files')} />
          <p className="mon-actions">
            <button type="submit" className="button" disabled={busy}>{t('report.save')}</button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void submit()}>{t('report.submit')}</button>
          </p>
        </form>
      ) : (
        <dl className="mon-readonly">
          <dt>{t('report.physicalPct')}</dt><dd data-testid="physical">{pct(r.physicalPct)}</dd>
          <dt>{t('report.budgetRealised')}</dt><dd>{r.budgetRealised === null ? '—' : formatRupiah(r.budgetRealised)} / {formatRupiah(r.budgetPlanned)}</dd>
          {r.program.kpis.map((k) => {
            const v = r.kpis.find((x) => x.kpiId === k.id);
            return (
              <div key={k.id}>
                <dt>{k.name}</dt>
                <dd>
                  {num(v?.value)} {k.unit}{k.expected && <span className="muted small"> ({t('kpi.target')} {num(k.expected.value)})</span>}
                  {v?.breakdown && <span className="small"> — {Object.entries(v.breakdown).map(([c, n]) => `${locs.find((l) => l.code === c)?.name ?? c}: ${num(n)}`).join('; ')}</span>}
                </dd>
              </div>
            );
          })}
          <dt>{t('report.narrative')}</dt><dd lang="id">{r.narrative || '—'}</dd>
          <dt>{t('report.obstacles')}</dt><dd lang="id">{r.obstacles || '—'}</dd>
          <dt>{t('report.followUp')}</dt><dd lang="id">{r.followUp || '—'}</dd>
          <dt>{t('report.evidence')}</dt><dd>{r.files.length ? <FileChips files={r.files} /> : '—'}</dd>
        </dl>
      )}

      {r.can.review && (
        <section className="mon-card" aria-labelledby="review-title">
          <h2 id="review-title">{t('review.title')}</h2>
          <TextArea label={t('review.comment')} name="reviewComment" value={comment} onChange={setComment} hint={t('review.commentHint')} error={fieldError('comment')} rows={3} />
          <p className="mon-actions">
            <button type="button" className="button" disabled={busy} onClick={() => void review('return')}>{t('review.return')}</button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void review('approve')}>{t('review.approve')}</button>
          </p>
        </section>
      )}

      {r.history.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('history.title')}</h2>
          <ol className="mon-history">
            {r.history.map((h, i) => (
              <li key={i}>
                <strong>{t(`history.${h.action}`)}</strong> · {h.actor?.name ?? t('history.system')} · {date(h.at)} · {t('history.version', { version: h.version })}
                {h.comment && <p className="small">“{h.comment}”</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      <p className="small"><Link href={`~/program/${r.program.id}`}>{t('report.publicPage')}</Link> · {pick({ id: r.program.regionName, en: r.program.regionName }, lang)}</p>
    </div>
  );
}
