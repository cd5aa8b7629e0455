import { describe, expect, test } from 'vitest';
import { programInput, validate } from '../core/validation.ts';
import { checkProgram, emptyProgramForm, num, patchOf, rowKey, rupiah, type ProgramForm } from './programForm.ts';

const MP = '7c7c0e6e-1f7a-4c5e-9a38-1d8c2a0f5b11';
const OPD = '0b0a6f2e-9a8b-4a55-8c1e-2f1d6a3b4c5d';
const valid = (): ProgramForm => ({
  ...emptyProgramForm(OPD, 2025), code: 'KKR-GOV-09', title: 'Layanan uji', elementKey: 'governance.public_service',
  budgets: [{ key: rowKey(), year: '2025', source: 'APBD', amount: '1.250.000', illustrative: false }],
});

describe('program form', () => {
  test('reads numbers as typed: years, decimals with a comma, rupiah with thousands dots', () => {
    expect(num('2025')).toBe(2025);
    expect(num(' 2,5 ')).toBe(2.5);
    expect(num('')).toBeNaN();
    expect(rupiah('1.250.000')).toBe(1_250_000);
    expect(rupiah('1 250 000')).toBe(1_250_000);
  });

  test('a valid form passes the server rules', () => {
    expect(checkProgram(MP)(valid(), 'id')).toEqual({});
  });

  test('errors are keyed by the field path and speak the current language', () => {
    const f = valid();
    f.title = '';
    f.budgets.push({ key: rowKey(), year: '1999', source: 'APBD', amount: '', illustrative: false });
    const id = checkProgram(MP)(f, 'id');
    expect(id.title).toBe('Wajib diisi');
    expect(id['budgets.1.year']).toBe('Tahun paling awal 2000');
    expect(id['budgets.1.amount']).toBe('Isi dengan angka');
    // Cross-field rules (as on the server) run once the fields themselves are valid.
    expect(checkProgram(MP)({ ...valid(), endYear: '2020' }, 'id').endYear).toBe('Tahun selesai tidak boleh sebelum tahun mulai');
    const en = checkProgram(MP)(f, 'en');
    expect(en.title).toBe('Required');
    expect(en['budgets.1.year']).toBe('Year must be 2000 or later');
    expect(en['budgets.1.amount']).toBe('Enter a number');
  });

  test('built-in zod messages come from the zod locale of the language', () => {
    const input = { masterplanId: MP, code: 'KKR-GOV-09', title: 'Layanan uji', elementKey: 'governance.public_service', leadOpdId: 'nope', horizon: 'soon', startYear: 2025, endYear: 2025 };
    const id = validate(programInput, input, 'id');
    expect(id.leadOpdId).toBe('Harus berupa ID (UUID)');
    expect(id.horizon).toMatch(/tidak valid/i);
    expect(validate(programInput, input, 'en').horizon).toMatch(/invalid/i);
  });

  test('a patch holds only the fields that changed', () => {
    const start = valid();
    const now = { ...start, title: 'Judul baru', budgets: start.budgets.map((b) => ({ ...b, amount: '2.000.000' })) };
    expect(patchOf(start, now)).toEqual({
      title: 'Judul baru',
      budgets: [{ year: 2025, source: 'APBD', amount: 2_000_000, illustrative: false }],
    });
    expect(patchOf(start, { ...start })).toEqual({});
  });
});
