import { useId, useState, type FormEvent } from 'react';
import { apiWrite, asApiError, type ApiError } from '../../core/api/client.ts';
import { Alert } from '../../core/ui/form.tsx';
import { ErrorAlert } from '../admin/core/ui.tsx';
import { connPaths } from './api.ts';
import { useConnI18n } from './i18n.ts';

async function asUpload(file: File, source: string, illustrative: boolean) {
  const text = await file.text();
  const geo = /\.(geo)?json$/i.test(file.name);
  return { format: geo ? 'geojson' : 'csv', data: text, ...(source ? { source } : {}), illustrative };
}

/** Replace the region's village statuses and/or nodes from CSV or GeoJSON files. */
export function ImportPanel({ code, open, onDone }: { code: string; open: boolean; onDone: () => void }) {
  const { t } = useConnI18n();
  const id = useId();
  const [villages, setVillages] = useState<File | null>(null);
  const [nodes, setNodes] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [illustrative, setIllustrative] = useState(false);
  const [state, setState] = useState<{ busy?: boolean; error?: ApiError; done?: string }>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!villages && !nodes) return;
    setState({ busy: true });
    try {
      const body = {
        ...(villages ? { villages: await asUpload(villages, source, illustrative) } : {}),
        ...(nodes ? { nodes: await asUpload(nodes, source, illustrative) } : {}),
      };
      const r = await apiWrite<{ villages: number | null; nodes: number | null }>('POST', connPaths.importData(code), body);
      setState({ done: t('import.done', { villages: r.villages ?? '—', nodes: r.nodes ?? '—' }) });
      onDone();
    } catch (err) {
      setState({ error: asApiError(err) });
    }
  };
  return (
    <details className="card conn-import" open={open}>
      <summary><h2 className="conn-summary-h">{t('import.title')}</h2></summary>
      <p className="field-hint">{t('import.hint')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <div className="conn-row">
          <div className="field">
            <label htmlFor={`${id}-v`}>{t('import.villages')}</label>
            <input id={`${id}-v`} type="file" accept=".csv,.geojson,.json,text/csv,application/geo+json" onChange={(e) => setVillages(e.target.files?.[0] ?? null)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-n`}>{t('import.nodes')}</label>
            <input id={`${id}-n`} type="file" accept=".csv,.geojson,.json,text/csv,application/geo+json" onChange={(e) => setNodes(e.target.files?.[0] ?? null)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-s`}>{t('import.source')}</label>
          <input id={`${id}-s`} type="text" maxLength={300} value={source} onChange={(e) => setSource(e.target.value)} />
        </div>
        <label className="checkbox"><input type="checkbox" checked={illustrative} onChange={(e) => setIllustrative(e.target.checked)} /> {t('import.illustrative')}</label>
        <p className="row-actions"><button type="submit" className="button" disabled={state.busy || (!villages && !nodes)}>{t('import.submit')}</button></p>
      </form>
      {state.done && <Alert kind="success"><p>{state.done}</p></Alert>}
      {state.error && <ErrorAlert error={state.error} />}
    </details>
  );
}
