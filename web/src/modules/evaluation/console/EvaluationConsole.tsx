import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { apiWrite, ApiError } from '../../../core/api/client.ts';
import { clearApiCache, useApi } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { Alert } from '../../../core/ui/form.tsx';
import { IllustrativeBadge } from '../../../core/ui/IllustrativeBadge.tsx';
import { useDocumentTitle } from '../../../core/ui/useDocumentTitle.ts';
import { evalPaths, named, type CycleSummary, type InstrumentSummary } from '../api.ts';
import { fmt2, useEvalI18n } from '../i18n.ts';
import '../evaluation.css';

/** Console "Evaluasi" of a region: its yearly cycles and, for coordinators/Bappeda/admins, opening a new one. */
export default function EvaluationConsole({ code, canOpen }: { code: string; canOpen: boolean }) {
  const { t, lang } = useEvalI18n();
  const list = useApi<CycleSummary[]>(evalPaths.list(code));
  const instruments = useApi<InstrumentSummary[]>(canOpen ? evalPaths.instruments() : null);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [instrument, setInstrument] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [, navigate] = useLocation();
  useDocumentTitle(t('console.title'));
  // The latest smart city instrument is the usual choice; SPBE and older ones stay selectable.
  const suggested = [...(instruments.data ?? [])].sort((a, b) => Number(b.kind === 'smart-city') - Number(a.kind === 'smart-city') || (b.year ?? 0) - (a.year ?? 0))[0];
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const chosen = instrument || suggested?.id || '';
      await apiWrite('POST', evalPaths.list(code), { year: Number(year), instrument: chosen });
      clearApiCache(evalPaths.list(code));
      navigate(`/wilayah/${code}/evaluasi/${year}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', null));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="page-head admin-page-head"><div><h1>{t('console.title')}</h1><p className="lead">{t('console.lead')}</p></div></div>
      {list.error && <Alert kind="error"><p>{list.error.apiMessage ? pick(list.error.apiMessage, lang) : t('errors.load')}</p></Alert>}
      <section className="section" aria-labelledby="eval-cycles-h">
        <h2 id="eval-cycles-h">{t('console.cycles')}</h2>
        {list.data && list.data.length === 0 && <p className="empty">{t('console.noCycles')}</p>}
        {list.data && list.data.length > 0 && (
          <table className="data-table">
            <thead><tr><th scope="col">{t('result.year')}</th><th scope="col">{t('result.instrument')}</th><th scope="col">{t('console.status')}</th><th scope="col">{t('result.selfIndex')}</th><th scope="col">{t('result.index')}</th></tr></thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.year}>
                  <th scope="row"><Link href={`/wilayah/${code}/evaluasi/${c.year}`}>{t('console.openYear', { year: c.year })}</Link></th>
                  <td>{c.instrumentName ? pick(c.instrumentName, lang) : c.instrumentId}</td>
                  <td>{t(`status.${c.status}`)} <IllustrativeBadge show={c.illustrative} /></td>
                  <td>{fmt2(c.selfIndex, lang)}</td><td>{fmt2(c.validatedIndex, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canOpen && (
        <section className="section" aria-labelledby="eval-open-h">
          <h2 id="eval-open-h">{t('console.openTitle')}</h2>
          <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void open(); }}>
            <div className={`field ${error?.field === 'year' ? 'has-error' : ''}`}>
              <label htmlFor="eval-open-year">{t('result.year')}</label>
              <input id="eval-open-year" type="number" min={2017} max={2100} value={year} onChange={(e) => setYear(e.target.value)} required />
            </div>
            <div className={`field ${error?.field === 'instrument' ? 'has-error' : ''}`}>
              <label htmlFor="eval-open-instrument">{t('result.instrument')}</label>
              <select id="eval-open-instrument" value={instrument || suggested?.id || ''} onChange={(e) => setInstrument(e.target.value)}>
                {(instruments.data ?? []).map((i) => <option key={i.id} value={i.id}>{named(i, lang)}</option>)}
              </select>
            </div>
            {error && <div role="alert" className="field-error">{error.apiMessage ? pick(error.apiMessage, lang) : t('errors.save')}</div>}
            <div className="save-bar"><button className="button" type="submit" disabled={busy}>{t('console.open')}</button></div>
          </form>
        </section>
      )}
    </>
  );
}
