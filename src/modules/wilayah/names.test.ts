import { describe, expect, it } from 'vitest';
import { displayName, levelOfCode } from './names.ts';

describe('displayName', () => {
  it.each([
    ['KABUPATEN KUTAI KARTANEGARA', 'Kabupaten Kutai Kartanegara'],
    ['DKI JAKARTA', 'DKI Jakarta'],
    ['KOTA BAU-BAU', 'Kota Bau-Bau'],
    ['KABUPATEN TOLI-TOLI', 'Kabupaten Toli-Toli'],
    ["Soka\"an", "Soka\"an"],
    ['Tenggarong Seberang', 'Tenggarong Seberang'],
  ])('%s → %s', (raw, shown) => expect(displayName(raw)).toBe(shown));
});

describe('levelOfCode', () => {
  it.each([
    ['64', 'province'], ['64.02', 'regency'], ['64.02.01', 'district'], ['64.02.01.2001', 'village'],
    ['6402', undefined], ['64.2', undefined], ['64.02.01.201', undefined], ['', undefined],
  ])('%s → %s', (code, level) => expect(levelOfCode(code)).toBe(level));
});
