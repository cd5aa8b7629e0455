import { Fragment, useId, useState, type FormEvent } from 'react';
import type { Me } from '../../../core/api/types.ts';
import { asApiError, type ApiError } from '../../../core/api/client.ts';
import { Alert, TextArea } from '../../../core/ui/form.tsx';
import { ErrorAlert, Loading, PageHead, TableScroll } from '../../admin/core/ui.tsx';
import { useLive } from '../../admin/core/useLive.ts';
import { checkInstrument, importInstrument, instrumentPaths, type CheckResult, type InstrumentSummary } from './api.ts';
import { useInstrumentsI18n, type InstrumentsT } from './i18n.ts';
import { InstrumentDetail } from './InstrumentDetail.tsx';

const pct = (w: number, lang: 'id' | 'en') => `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(w * 100)} %`;

function Weights({ i, lang }: { i: InstrumentSummary; lang: 'id' | 'en' }) {
  return (
    <ul className="plain-list instrument-weights">
      {i.components.map((c) => <li key={c.key}>{lang === 'en' ? c.nameEn : c.name} <strong>{pct(c.weight, lang)}</strong></li>)}
    </ul>
  );
}

function Problems({ result, t, lang }: { result: Extract<CheckResult, { valid: false }>; t: InstrumentsT; lang: 'id' | 'en' }) {
  return (
    <Alert kind="error" title={t('upload.refused', { count: result.problems.length })}>
      <ol className="instrument-problems">
        {result.problems.map((p, n) => (
          <li key={n}>
            <strong>{t('upload.problem', { line: p.line, column: p.column, field: p.field })}</strong>
            <br />{p.message[lang]}
          </li>
        ))}
      </ol>
    </Alert>
  );
}

/** Upload: read a file (or pasted text), check it, show every problem with its line, then import. */
function UploadForm({ onImported }: { onImported: () => void }) {
  const { t, lang } = useInstrumentsI18n();
  const fileId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [empty, setEmpty] = useState(false);

  const reset = () => { setResult(null); setDone(null); setError(null); setEmpty(false); };
  const onFile = async (f: File | undefined) => {
    reset();
    setText(f ? await f.text() : '');
  };
  const check = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    if (!text.trim()) return setEmpty(true);
    setBusy('check');
    try {
      setResult(await checkInstrument(text));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(null);
    }
  };
  const doImport = async () => {
    setBusy('import');
    setError(null);
    try {
      const r = await importInstrument(text);
      setDone(t(r.status === 'imported' ? 'upload.imported' : 'upload.unchanged', { id: r.id, version: r.version }));
      setResult(null);
      onImported();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby={`${fileId}-h`}>
      <h2 id={`${fileId}-h`}>{t('upload.heading')}</h2>
      <form onSubmit={(e) => void check(e)} noValidate>
        <div className="field form-field">
          <label htmlFor={fileId}>{t('upload.file')}</label>
          <input id={fileId} type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" aria-describedby={`${fileId}-hint`}
            onChange={(e) => void onFile(e.target.files?.[0])} />
          <p className="field-hint" id={`${fileId}-hint`}>{t('upload.fileHint')}</p>
        </div>
        <TextArea label={t('upload.paste')} name="instrument-text" value={text} rows={8} spellCheck={false} className="code-area"
          onChange={(v) => { reset(); setText(v); }} error={empty ? t('upload.empty') : null} />
        <p><button type="submit" className="button" disabled={busy !== null}>{busy === 'check' ? t('upload.checking') : t('upload.check')}</button></p>
      </form>
      {error && <ErrorAlert error={error} />}
      {done && <Alert kind="success"><p>{done}</p></Alert>}
      {result && !result.valid && <Problems result={result} t={t} lang={lang} />}
      {result?.valid && (
        <Alert kind={result.existing === 'different' ? 'warning' : 'success'}
          title={t('upload.valid', { id: result.instrument.id, version: result.instrument.version, indicators: result.indicators })}>
          <p>{lang === 'en' ? result.instrument.nameEn : result.instrument.name}</p>
          <Weights i={result.instrument} lang={lang} />
          {result.existing === 'same' && <p>{t('upload.existingSame')}</p>}
          {result.existing === 'different' && <p>{t('upload.existingDifferent')}</p>}
          {result.existing !== 'different' && (
            <p><button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void doImport()}>
              {busy === 'import' ? t('upload.importing') : t('upload.import')}
            </button></p>
          )}
        </Alert>
      )}
    </section>
  );
}

function InstrumentTable({ items }: { items: InstrumentSummary[] }) {
  const { t, lang } = useInstrumentsI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <TableScroll label={t('list.heading')}>
      <table className="data-table instruments-table">
        <caption className="visually-hidden">{t('list.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.name')}</th>
            <th scope="col">{t('list.year')}</th>
            <th scope="col">{t('list.kind')}</th>
            <th scope="col">{t('list.components')}</th>
            <th scope="col">{t('list.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <Fragment key={i.id}>
            <tr data-instrument={i.id}>
              <th scope="row">
                {lang === 'en' ? i.nameEn : i.name}
                <span className="muted small user-email"><code>{i.id}</code> · {t('list.version', { version: i.version })}</span>
                <a className="small" href={instrumentPaths.file(i.id)} download>{t('list.file')}</a>
              </th>
              <td>{i.year ?? '—'}</td>
              <td>{t(`list.kinds.${i.kind}`)}</td>
              <td><Weights i={i} lang={lang} /></td>
              <td className="small">
                {i.ownWording && <p>{t('list.ownWording')}</p>}
                {i.assumption && <p><strong>{t('list.assumption')}:</strong> {i.assumption[lang]}</p>}
                {i.predicates.length > 0 && <p><strong>{t('list.predicates')}:</strong> {i.predicates.map((p) => `${lang === 'en' ? p.nameEn : p.name} ≥ ${p.min}`).join(' · ')}</p>}
                <details><summary>{t('list.source')}</summary><p>{i.source}</p></details>
                <button type="button" className="button button-small" aria-expanded={open === i.id} aria-controls={open === i.id ? `instrument-${i.id}` : undefined}
                  onClick={() => setOpen(open === i.id ? null : i.id)}>{open === i.id ? t('list.hide') : t('list.show')}</button>
              </td>
            </tr>
            {open === i.id && (
              <tr id={`instrument-${i.id}`}><td colSpan={5}><InstrumentDetail id={i.id} /></td></tr>
            )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** "/admin/instrumen": the national admin imports instruments and sees those available. */
export default function InstrumentsPage({ me }: { me: Me }) {
  const { t } = useInstrumentsI18n();
  const list = useLive<InstrumentSummary[]>(instrumentPaths.list());
  const admin = me.user?.role === 'national_admin';
  return (
    <>
      <PageHead title={t('title')} intro={t('intro')} />
      {!admin && <Alert kind="warning"><p>{t('forbidden')}</p></Alert>}
      {admin && <UploadForm onImported={() => void list.reload()} />}
      <section aria-labelledby="instruments-list-h">
        <h2 id="instruments-list-h">{t('list.heading')}</h2>
        {list.error && <ErrorAlert error={list.error} />}
        {!list.data && !list.error && <Loading height={300} />}
        {list.data && (
          <>
            <p className="muted" role="status">{t('list.count', { count: list.data.length })}</p>
            <InstrumentTable items={list.data} />
          </>
        )}
      </section>
    </>
  );
}
