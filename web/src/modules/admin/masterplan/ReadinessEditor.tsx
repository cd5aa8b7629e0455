import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { Lang, Masterplan, ReadinessAspect, SwotKind } from '../../../core/api/types.ts';
import { clearApiCache } from '../../../core/api/useApi.ts';
import { pick } from '../../../core/format.ts';
import { pillarClass, sortByPillar } from '../../../core/pillars.ts';
import { Alert, CheckboxField, TextArea } from '../../../core/ui/form.tsx';
import { useAdminI18n } from '../core/i18n.ts';
import { useForm } from '../core/useForm.ts';
import { useErrorText } from '../core/ui.tsx';
import { readinessInput, validate } from '../core/validation.ts';
import { CellError, cellA11y } from '../programs/cells.tsx';
import { rowKey } from '../programs/programForm.ts';

const ASPECTS: ReadinessAspect[] = ['struktur', 'infrastruktur', 'suprastruktur'];
const KINDS: SwotKind[] = ['strength', 'weakness', 'opportunity', 'threat'];
type SwotRow = { key: string; kind: SwotKind; text: string };
type RForm = { summary: string; illustrative: boolean; swot: SwotRow[] };

function AspectForm({ masterplan, dimensionKey, aspect, editable, onSaved }: {
  masterplan: Masterplan; dimensionKey: string; aspect: ReadinessAspect; editable: boolean; onSaved: () => void;
}) {
  const { t, lang } = useAdminI18n();
  const errorText = useErrorText();
  const id = useId();
  const current = masterplan.readiness.find((r) => r.dimensionKey === dimensionKey && r.aspect === aspect);
  const body = (f: RForm) => ({ dimensionKey, aspect, summary: f.summary, illustrative: f.illustrative, swot: f.swot.map((s) => ({ kind: s.kind, text: s.text })) });
  const check = useMemo(() => (f: RForm, l: Lang) => validate(readinessInput, { masterplanId: masterplan.id, ...body(f) }, l), [masterplan.id, dimensionKey, aspect]);
  const form = useForm<RForm>({
    summary: current?.summary ?? '', illustrative: current?.illustrative ?? false,
    swot: (current?.swot ?? []).map((s) => ({ key: rowKey(), kind: s.kind, text: s.text })),
  }, check, lang);
  const [state, setState] = useState<{ saved?: boolean; error?: ApiError; busy?: boolean }>({});
  const f = form.values;
  const setRow = (i: number, patch: Partial<SwotRow>, field: string) =>
    form.update(`swot.${i}.${field}`, (v) => ({ ...v, swot: v.swot.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.setSubmitted(true);
    if (!form.valid) return;
    setState({ busy: true });
    try {
      await apiWrite('PUT', paths.readiness(masterplan.id), body(f));
      clearApiCache();
      setState({ saved: true });
      onSaved();
    } catch (err) {
      const apiErr = asApiError(err);
      setState(form.takeServerError(apiErr, (fld) => ['summary', 'swot', 'illustrative'].includes(fld.split('.')[0] ?? '')) ? {} : { error: apiErr });
    }
  };
  const title = t(`readiness.aspects.${aspect}`);
  return (
    <form className="card aspect-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="muted small">{t(`readiness.aspectHints.${aspect}`)}</p>
      <fieldset className="form-plain" disabled={!editable}>
        <legend className="visually-hidden">{title}</legend>
        <TextArea label={t('readiness.summary')} name="summary" rows={4} value={f.summary} onChange={(v) => form.set('summary', v)} error={form.errorOf('summary')} />
        <CheckboxField label={t('readiness.illustrative')} name="illustrative" checked={f.illustrative} onChange={(v) => form.set('illustrative', v)} />
        <h4>{t('readiness.swotTitle')}</h4>
        {f.swot.length === 0 && <p className="empty">{t('readiness.noSwot')}</p>}
        <ul className="swot-edit">
          {f.swot.map((r, i) => {
            const k = cellA11y(`${id}-${r.key}-k`, form.errorOf(`swot.${i}.kind`));
            const x = cellA11y(`${id}-${r.key}-x`, form.errorOf(`swot.${i}.text`));
            return (
              <li key={r.key} className={`swot-row swot-${r.kind}`}>
                <select {...k.props} aria-label={t('readiness.kindOf', { n: i + 1 })} value={r.kind} onChange={(e) => setRow(i, { kind: e.target.value as SwotKind }, 'kind')}>
                  {KINDS.map((kind) => <option key={kind} value={kind}>{t(`readiness.swot.${kind}`)}</option>)}
                </select>
                <textarea {...x.props} rows={2} aria-label={t('readiness.textOf', { n: i + 1 })} value={r.text} onChange={(e) => setRow(i, { text: e.target.value }, 'text')} />
                <button type="button" className="button button-small" onClick={() => form.update('swot', (v) => ({ ...v, swot: v.swot.filter((_, j) => j !== i) }))} aria-label={t('readiness.removeOf', { n: i + 1 })}>{t('common.remove')}</button>
                <CellError {...k} /><CellError {...x} />
              </li>
            );
          })}
        </ul>
        <p className="row-actions">
          <button type="button" className="button button-small" onClick={() => form.update(`swot.${f.swot.length}`, (v) => ({ ...v, swot: [...v.swot, { key: rowKey(), kind: 'strength', text: '' }] }))}>{t('readiness.addSwot')}</button>
          {editable && <button type="submit" className="button button-small button-primary" disabled={state.busy}>{t('readiness.save', { aspect: title })}</button>}
        </p>
      </fieldset>
      {state.saved && <Alert kind="success"><p>{t('readiness.saved')}</p></Alert>}
      {state.error && <Alert kind="error"><p>{errorText(state.error)}</p></Alert>}
    </form>
  );
}

/** Readiness per dimension × aspect (struktur, infrastruktur, suprastruktur), each with SWOT items. */
export function ReadinessEditor({ masterplan, editable, onSaved }: { masterplan: Masterplan; editable: boolean; onSaved: () => void }) {
  const { t, lang } = useAdminI18n();
  const dims = sortByPillar(masterplan.dimensions, (d) => d.key);
  const [dim, setDim] = useState(dims[0]?.key ?? '');
  return (
    <section className="section readiness-editor" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('readiness.title')}</h2>
      <p className="muted">{t('readiness.intro')}</p>
      <div className="tabs" role="group" aria-label={t('readiness.pickDimension')}>
        {dims.map((d) => (
          <button key={d.key} type="button" className={`tab ${pillarClass(d.key)}`} aria-pressed={dim === d.key} onClick={() => setDim(d.key)}>{pick(d.name, lang)}</button>
        ))}
      </div>
      <div className={`aspect-forms ${pillarClass(dim)}`}>
        {ASPECTS.map((a) => <AspectForm key={`${dim}-${a}`} masterplan={masterplan} dimensionKey={dim} aspect={a} editable={editable} onSaved={onSaved} />)}
      </div>
    </section>
  );
}
