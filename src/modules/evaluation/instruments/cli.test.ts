import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestDatabase } from '../../../../test/support/cli.ts';
import { SMALL } from './fixtures.ts';

const { tmp, pilar } = cliTestDatabase('instrument-cli');

describe('pilar import instrument', () => {
  it('refuses a file with weights summing to 90 % and a level without description, naming each line and field', () => {
    const f = path.join(tmp, 'salah.yaml');
    fs.writeFileSync(f, SMALL.replace('weight: 60%', 'weight: 50%').replace('                description: {id: Ditetapkan, en: Adopted}\n', ''));
    const r = pilar('import', 'instrument', f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('salah.yaml:10:1 components');
    expect(r.stderr).toContain('jumlah bobot komponen 90 %, harus 100 %');
    expect(r.stderr).toContain('salah.yaml:26:');
    expect(r.stderr).toContain('components.0.aspects.0.indicators.0.levels.1.description');
  });

  it('imports a good file, then reports it unchanged', () => {
    const f = path.join(tmp, 'kecil.yaml');
    fs.writeFileSync(f, SMALL);
    const r = pilar('import', 'instrument', f);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('imported: kecil-2025 version 1');
    expect(r.stdout).toContain('output 60 % · quickwin 40 %');
    const again = pilar('import', 'instrument', f);
    expect(again.stdout).toContain('unchanged');
  });
});
