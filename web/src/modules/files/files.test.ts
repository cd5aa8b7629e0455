import { describe, expect, it } from 'vitest';
import en from '../../i18n/files/en.json' with { type: 'json' };
import id from '../../i18n/files/id.json' with { type: 'json' };
import { ACCEPT_ATTR, kindLabel, looksAccepted } from './types.ts';

const vars = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('files texts', () => {
  it('Indonesian and English have the same keys and placeholders, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const k of Object.keys(id) as (keyof typeof id)[]) {
      expect(id[k].trim() && en[k].trim(), k).toBeTruthy();
      expect(vars(en[k]), k).toEqual(vars(id[k]));
    }
  });
});

describe('client-side pre-check', () => {
  it('accepts by extension or browser type, refuses the rest', () => {
    expect(looksAccepted({ name: 'IMG_2041.JPG', type: '' })).toBe(true);
    expect(looksAccepted({ name: 'scan', type: 'application/pdf' })).toBe(true);
    expect(looksAccepted({ name: 'notulen.odt', type: '' })).toBe(true);
    expect(looksAccepted({ name: 'setup.exe', type: 'application/x-msdownload' })).toBe(false);
    expect(looksAccepted({ name: 'halaman.html', type: 'text/html' })).toBe(false);
    expect(looksAccepted({ name: 'makro.xlsm', type: 'application/vnd.ms-excel.sheet.macroEnabled.12' })).toBe(false);
    expect(ACCEPT_ATTR).toContain('.docx');
    expect(ACCEPT_ATTR).toContain('image/jpeg');
  });

  it('labels documents by type', () => {
    expect(kindLabel({ mime: 'application/pdf', name: 'x.pdf' })).toBe('PDF');
    expect(kindLabel({ mime: 'application/vnd.oasis.opendocument.spreadsheet', name: 'x.ods' })).toBe('ODS');
  });
});
