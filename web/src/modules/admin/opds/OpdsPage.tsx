import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, apiWrite, asApiError, paths } from '../../../core/api/client.ts';
import type { Lang, RegionOpd as PortalOpd } from '../../../core/api/types.ts';

/** An OPD as the console needs it: updates carry the version they started from. */
type RegionOpd = PortalOpd & { version?: number };
import { clearApiCache } from '../../../core/api/useApi.ts';
import { Alert, SelectField, TextField } from '../../../core/ui/form.tsx';
import type { Access } from '../core/access.ts';
import { useAdminI18n } from '../core/i18n.ts';
import { useForm, useSubmit } from '../core/useForm.ts';
import { useLive } from '../core/useLive.ts';
import { ConfirmButton, ErrorAlert, Loading, PageHead, useErrorText } from '../core/ui.tsx';
import { opdInput, validate } from '../core/validation.ts';

type OpdForm = { name: string; abbreviation: string; role: '' | 'leading_sector' | 'coordinator' };
const FIELDS = ['name', 'abbreviation', 'role'];

/** Add (opd = null) or edit one OPD. */
function OpdEditor({ code, opd, onDone, onCancel }: { code: string; opd: RegionOpd | null; onDone: (name: string) => void; onCancel: () => void }) {
  const { t, tc, lang } = useAdminI18n();
  const errorText = useErrorText();
  const toBody = (f: OpdForm) => ({ name: f.name, abbreviation: f.abbreviation, role: f.role === '' ? null : f.role });
  const check = useMemo(() => (f: OpdForm, l: Lang) => validate(opdInput, { regionCode: code, ...toBody(f) }, l), [code]);
  const form = useForm<OpdForm>({ name: opd?.name ?? '', abbreviation: opd?.abbreviation ?? '', role: opd?.role ?? '' }, check, lang);
  const f = form.values;
  const { submit, busy, error } = useSubmit(form, FIELDS, async () => {
    if (opd) await apiWrite('PATCH', paths.opd(opd.id), { version: opd.version, ...toBody(f) });
    else await apiWrite('POST', paths.opdWrite(), { regionCode: code, ...toBody(f) });
    clearApiCache();
    onDone(f.name);
  });
  return (
    <form className="card inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={opd ? t('opds.editOf', { name: opd.name }) : t('opds.add')}>
      {error && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      <div className="form-grid">
        <TextField className="span-2" label={t('opds.name')} name="name" required value={f.name} onChange={(v) => form.set('name', v)} error={form.errorOf('name')} autoFocus />
        <TextField label={t('opds.abbreviation')} name="abbreviation" required value={f.abbreviation} onChange={(v) => form.set('abbreviation', v)} error={form.errorOf('abbreviation')} />
        <SelectField label={t('opds.role')} name="role" value={f.role} onChange={(v) => form.set('role', v as OpdForm['role'])} error={form.errorOf('role')}>
          <option value="">{t('opds.noRole')}</option>
          <option value="leading_sector">{tc('opdRole.leading_sector')}</option>
          <option value="coordinator">{tc('opdRole.coordinator')}</option>
        </SelectField>
      </div>
      <p className="row-actions">
        <button type="submit" className="button" disabled={busy}>{opd ? t('common.save') : t('opds.add')}</button>
        <button type="button" className="button button-secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </p>
    </form>
  );
}

/** "/admin/wilayah/:code/opd": the region's agencies. */
export function OpdsPage({ code, access }: { code: string; access: Access }) {
  const { t, tc } = useAdminI18n();
  const errorText = useErrorText();
  const list = useLive<RegionOpd[]>(paths.opds(code));
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
    setError(null);
    void list.reload();
  };
  const remove = async (o: RegionOpd) => {
    setError(null);
    try {
      await apiWrite('DELETE', paths.opd(o.id));
      clearApiCache();
      done(t('opds.deleted', { name: o.name }));
    } catch (err) {
      setMessage(null);
      setError(asApiError(err));
    }
  };
  const opds = [...(list.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return (
    <>
      <PageHead title={t('opds.title')} intro={t('opds.intro')}
        actions={access.opds && open !== 'new' && <button type="button" className="button" onClick={() => { setMessage(null); setOpen('new'); }}>{t('opds.add')}</button>} />
      {message && <Alert kind="success"><p>{message}</p></Alert>}
      {error && <Alert kind="error"><p>{errorText(error)}</p></Alert>}
      {open === 'new' && <OpdEditor code={code} opd={null} onDone={(n) => done(t('opds.added', { name: n }))} onCancel={() => setOpen(null)} />}
      {list.error && <ErrorAlert error={list.error} />}
      {!list.data && !list.error && <Loading height={300} />}
      {list.data && (
        <ul className="opd-list admin-opd-list">
          {opds.map((o) => (
            <li key={o.id}>
              {open === o.id ? <OpdEditor code={code} opd={o} onDone={(n) => done(t('opds.saved', { name: n }))} onCancel={() => setOpen(null)} /> : (
                <>
                  <div>
                    <span className="opd-name"><Link href={`~/opd/${o.id}`}>{o.name}</Link></span>
                    <span className="opd-meta">
                      <abbr title={o.name}>{o.abbreviation}</abbr>
                      {o.role && <span className="badge badge-role">{tc(`opdRole.${o.role}`)}</span>}
                      <span>{tc('region.opds.programCount', { count: o.programCount, n: o.programCount })}</span>
                    </span>
                  </div>
                  {access.opds && (
                    <span className="row-actions">
                      <button type="button" className="button button-small" onClick={() => { setMessage(null); setOpen(o.id); }} aria-label={`${t('common.edit')}: ${o.name}`}>{t('common.edit')}</button>
                      <ConfirmButton label={t('common.delete')} confirm={o.programCount > 0 ? t('opds.deleteConfirmPrograms', { n: o.programCount }) : t('opds.deleteConfirm', { name: o.abbreviation })} onConfirm={() => remove(o)} />
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
