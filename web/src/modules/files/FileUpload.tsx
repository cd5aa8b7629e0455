import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../core/api/client.ts';
import { pick } from '../../core/format.ts';
import { formatSize, useFilesI18n } from './i18n.ts';
import { ACCEPT_ATTR, kindLabel, looksAccepted, type FileMeta } from './types.ts';
import { uploadFile } from './upload.ts';
import { useConfig } from '../../core/api/hooks.ts';
import './files.css';

export type { FileMeta } from './types.ts';

type Props = {
  regionCode: string;
  value: FileMeta[];
  onChange: (files: FileMeta[]) => void;
  label: string;
  name: string;
  /** Narrower `accept` list (default: every accepted type). */
  accept?: string;
  disabled?: boolean;
  /** A message for this field from the form's own save (e.g. an evidence id the server refused). */
  error?: string | null;
  /** Client-side size pre-check; the server's PILAR_UPLOAD_MAX_MB decides. */
  maxMb?: number;
};

/**
 * Evidence files of a form: pick (or photograph) files, see each upload's progress, the
 * attached files with remove buttons, and any refusal right under the field. Files are
 * uploaded as soon as they are picked; the form stores their ids.
 */
export function FileUpload({ regionCode, value, onChange, label, name, accept, disabled, error, maxMb: maxMbProp }: Props) {
  const { t, lang } = useFilesI18n();
  // The server's limit (PILAR_UPLOAD_MAX_MB) unless the form sets its own.
  const config = useConfig();
  const maxMb = maxMbProp ?? config.data?.uploadMaxMb ?? 10;
  const id = useId();
  const [busy, setBusy] = useState<{ name: string; fraction: number } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const latest = useRef(value);
  latest.current = value;
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function add(list: FileList | null, input: HTMLInputElement) {
    const picked = [...(list ?? [])];
    input.value = '';
    if (!picked.length) return;
    const problems: string[] = [];
    abort.current = new AbortController();
    for (const file of picked) {
      const vars = { name: file.name, max: maxMb, size: formatSize(file.size, lang) };
      if (!looksAccepted(file)) { problems.push(t('errType', vars)); continue; }
      if (file.size === 0) { problems.push(t('errEmpty', vars)); continue; }
      if (file.size > maxMb * 1024 * 1024) { problems.push(t('errSize', vars)); continue; }
      setBusy({ name: file.name, fraction: 0 });
      try {
        const meta = await uploadFile(regionCode, file, (fraction) => setBusy({ name: file.name, fraction }), abort.current.signal);
        onChange([...latest.current, meta]);
        latest.current = [...latest.current, meta];
        setStatus(t('uploaded', { name: meta.name }));
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        const api = e instanceof ApiError ? e : null;
        problems.push(api?.apiMessage ? `${file.name}: ${pick(api.apiMessage, lang)}` : t(api?.status === 0 ? 'errNetwork' : 'errServer', vars));
      }
    }
    setBusy(null);
    setErrors(problems);
  }

  const shown = [...(error ? [error] : []), ...errors];
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = shown.length ? `${hintId} ${errId}` : hintId;
  const off = disabled || !!busy;
  return (
    <div className={`field form-field file-upload ${shown.length ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="file-upload-inputs">
        <input id={id} type="file" name={name} multiple accept={accept ?? ACCEPT_ATTR} disabled={off}
          aria-describedby={describedBy} aria-invalid={shown.length ? true : undefined}
          onChange={(e) => void add(e.target.files, e.target)} />
        <label className={`button button-small file-upload-camera ${off ? 'is-disabled' : ''}`}>
          {t('takePhoto')}
          <input type="file" className="visually-hidden" accept="image/*" capture="environment" disabled={off}
            aria-describedby={describedBy} onChange={(e) => void add(e.target.files, e.target)} />
        </label>
      </div>
      <p className="field-hint" id={hintId}>{t('hint', { max: maxMb })}</p>
      {busy && (
        <p className="file-upload-progress">
          <span>{t('uploading', { name: busy.name })}</span>
          <progress max={100} value={Math.round(busy.fraction * 100)} aria-label={t('progress', { name: busy.name })} />
        </p>
      )}
      <div id={errId} role="alert">
        {shown.map((m, i) => <p key={i} className="field-error">{m}</p>)}
      </div>
      <p className="visually-hidden" role="status">{status}</p>
      <FileChips files={value} onRemove={off ? undefined : (f) => onChange(value.filter((x) => x.id !== f.id))} />
    </div>
  );
}

/** Attached evidence: thumbnail or type, name (a link, in a new tab), size; a remove button when editable. */
export function FileChips({ files, onRemove }: { files: FileMeta[]; onRemove?: (f: FileMeta) => void }) {
  const { t, lang } = useFilesI18n();
  if (!files.length) return null;
  return (
    <ul className="file-chips">
      {files.map((f) => (
        <li key={f.id}>
          {f.thumbnailUrl
            ? <img src={f.thumbnailUrl} alt="" width={48} height={48} loading="lazy" decoding="async" />
            : <span className="file-chip-kind" aria-hidden="true">{kindLabel(f)}</span>}
          <span className="file-chip-text">
            <a href={f.url} target="_blank" rel="noopener">{f.name}<span className="visually-hidden"> {t('newTab')}</span></a>
            <span className="file-chip-size">{formatSize(f.size, lang)}</span>
          </span>
          {onRemove && (
            <button type="button" className="chip-remove" aria-label={t('remove', { name: f.name })} onClick={() => onRemove(f)}>×</button>
          )}
        </li>
      ))}
    </ul>
  );
}
