import { useId, useState } from 'react';
import { paths } from '../../../core/api/client.ts';
import type { Region } from '../../../core/api/types.ts';
import { useApi } from '../../../core/api/useApi.ts';
import { useAdminI18n } from '../core/i18n.ts';

type Props = {
  regionCode: string;
  value: string[];
  /** Names of codes already known (from the program document). */
  known: Map<string, string>;
  onChange: (path: string, codes: string[]) => void;
  errorOf: (path: string) => string | undefined;
  readOnly?: boolean;
};

const byName = (rs: Region[] | undefined) => [...(rs ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));

/** Locations: kecamatan and desa of the region, chosen with two selects. */
export function LocationPicker({ regionCode, value, known, onChange, errorOf, readOnly = false }: Props) {
  const { t } = useAdminI18n();
  const id = useId();
  const [district, setDistrict] = useState('');
  const [village, setVillage] = useState('');
  const districts = useApi<Region[]>(paths.children(regionCode, 'district'));
  const villages = useApi<Region[]>(district ? paths.children(district, 'village') : null);
  const names = new Map(known);
  for (const r of [...(districts.data ?? []), ...(villages.data ?? [])]) names.set(r.code, r.name);
  const districtOf = (code: string) => {
    const parent = code.split('.').slice(0, 3).join('.');
    return parent !== code ? names.get(parent) : undefined;
  };
  const label = (code: string) => {
    const name = names.get(code) ?? code;
    const d = districtOf(code);
    return d ? t('program.villageIn', { village: name, district: d }) : code.split('.').length === 3 ? t('program.districtName', { name }) : name;
  };
  const target = village || district;
  const add = () => {
    if (!target || value.includes(target)) return;
    onChange(`locations.${value.length}`, [...value, target]);
    setVillage('');
  };
  const groupError = errorOf('locations');
  return (
    <fieldset className="form-section">
      <legend>{t('program.locations')}</legend>
      {value.length === 0 ? <p className="muted">{t('program.noLocations')}</p> : (
        <ul className="chip-list" aria-label={t('program.chosenLocations')}>
          {value.map((code, i) => {
            const err = errorOf(`locations.${i}`);
            return (
              <li key={code} className={err ? 'has-error' : ''}>
                <span>{label(code)}</span>
                {!readOnly && <button type="button" className="chip-remove" onClick={() => onChange('locations', value.filter((c) => c !== code))} aria-label={t('program.removeLocation', { name: label(code) })}>×</button>}
                {err && <span className="field-error">{err}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {groupError && <p className="field-error">{groupError}</p>}
      {!readOnly && <div className="loc-add">
        <div className="field">
          <label htmlFor={`${id}-d`}>{t('program.district')}</label>
          <select id={`${id}-d`} value={district} onChange={(e) => { setDistrict(e.target.value); setVillage(''); }}>
            <option value="">{t('program.pickDistrict')}</option>
            {byName(districts.data).map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-v`}>{t('program.village')}</label>
          <select id={`${id}-v`} value={village} onChange={(e) => setVillage(e.target.value)} disabled={!district}>
            <option value="">{district ? t('program.wholeDistrict') : t('program.pickDistrictFirst')}</option>
            {byName(villages.data).map((v) => <option key={v.code} value={v.code}>{v.name}</option>)}
          </select>
        </div>
        <button type="button" className="button button-small" onClick={add} disabled={!target || value.includes(target)}>{t('program.addLocation')}</button>
      </div>}
    </fieldset>
  );
}
