import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTestDatabase } from '../../test/support/cli.ts';

const { tmp, database, pilar } = cliTestDatabase('cli');

describe('pilar CLI', () => {
  it('import wilayah-geo refuses a bad file naming the line and field, in both languages', () => {
    const f = path.join(tmp, 'bad.csv');
    fs.writeFileSync(f, 'code,name,lat,lng\n64.02.01.2001,A,-0.1,117\n64.02.01.2002,B,utara,117\n');
    const r = pilar('import', 'wilayah-geo', f);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('baris 3, lat');
    expect(r.stderr).toContain('line 3, lat');
  });

  it('import wilayah-geo imports a good file', () => {
    const f = path.join(tmp, 'ok.csv');
    fs.writeFileSync(f, 'code,name,lat,lng\n64.02.01.2001,A,-0.25,117.5\n');
    const r = pilar('import', 'wilayah-geo', f);
    expect(r.stderr + r.stdout).toContain('1 regions updated');
    expect(r.status).toBe(0);
  });

  it('export masterplan writes the whole plan as JSON', () => {
    const out = path.join(tmp, 'kukar.json');
    const r = pilar('export', 'masterplan', '64.02', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.format).toBe('pilar.masterplan/v1');
    expect(doc.masterplan.region.name).toBe('Kabupaten Kutai Kartanegara');
    expect(doc.programs.length).toBe(doc.masterplan.totals.programCount);
    expect(doc.programs[0].kpis).toBeDefined();
  });

  it('export masterplan of a region without one fails clearly', () => {
    const r = pilar('export', 'masterplan', '64.03');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/tidak ditemukan/);
    expect(r.stderr).toMatch(/not found/);
  });

  it('seed demo reloads the four regencies without duplicating them', async () => {
    const r = pilar('seed', 'demo');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/demo loaded: 4 regencies/);
    const reopened = await database().restart();
    expect((await reopened.exec('select count(*)::int as n from masterplans')).rows[0]!.n).toBe(4);
    await database().pause();
  });

  it('user add, list and reset-password', () => {
    const add = pilar('user', 'add', '--email', 'Operator@Kukar.go.id', '--name', 'Operator', '--role', 'council', '--region', '64.02');
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/created operator@kukar\.go\.id \(council\), temporary password: \w{4}-\w{4}-\w{4}-\w{4}/);
    const bad = pilar('user', 'add', '--email', 'x@y.id', '--name', 'X', '--role', 'opd_officer', '--region', '64.02');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/opdId/);
    const list = pilar('user', 'list', '--region', '64.02');
    expect(list.stdout).toMatch(/operator@kukar\.go\.id\s+council/);
    expect(list.stdout).toMatch(/koordinator\.kukar@demo\.pilar\.id\s+coordinator/);
    const reset = pilar('user', 'reset-password', 'operator@kukar.go.id');
    expect(reset.stdout).toMatch(/temporary password for operator@kukar\.go\.id: \w{4}-/);
    expect(pilar('user', 'reset-password', 'nobody@x.id').status).toBe(2);
  });

  it('seed demo prints the demo accounts and their password', () => {
    const r = pilar('seed', 'demo');
    expect(r.stdout).toContain('pilar-demo-2026');
    expect(r.stdout).toMatch(/opd\.kukar@demo\.pilar\.id\s+opd_officer/);
  });

  it('plan connectivity writes a feasible plan.json and names bad lines', () => {
    const villages = path.join(tmp, 'villages.csv');
    const nodes = path.join(tmp, 'nodes.csv');
    fs.writeFileSync(villages, 'code,name,lat,lng,population,signal\n64.02.01.2001,A,-0.50,117.00,1000,none\n64.02.01.2002,B,-0.52,117.02,800,2g\n64.02.01.2003,C,-0.90,117.50,300,none\n64.02.01.2004,D,-0.40,116.90,500,4g\n');
    fs.writeFileSync(nodes, 'id,name,lat,lng,kind\nf1,POP,-0.45,116.95,fibre\n');
    const out = path.join(tmp, 'plan.json');
    const all = pilar('plan', 'connectivity', '--villages', villages, '--nodes', nodes, '--cover-all', '--out', out);
    expect(all.status, all.stderr).toBe(0);
    const plan = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(plan).toMatchObject({ objective: 'cover-all', coveredVillages: ['64.02.01.2001', '64.02.01.2002', '64.02.01.2003'], gap: expect.any(Number), bound: expect.any(Number) });
    const paid = plan.towers.reduce((s: number, t: { cost: number }) => s + t.cost, 0) + plan.vsat.reduce((s: number, v: { cost: number }) => s + v.cost, 0);
    expect(paid).toBe(plan.totalCost);
    const budget = pilar('plan', 'connectivity', '--villages', villages, '--nodes', nodes, '--budget', String(Math.floor(plan.totalCost / 2)), '--out', out);
    expect(budget.status, budget.stderr).toBe(0);
    const b = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(b.objective).toBe('budget');
    expect(b.totalCost).toBeLessThanOrEqual(Math.floor(plan.totalCost / 2));
    fs.writeFileSync(villages, 'code,name,lat,lng,population,signal\n64.02.01.2001,A,-0.50,117.00,1000,5g\n');
    const bad = pilar('plan', 'connectivity', '--villages', villages, '--nodes', nodes, '--cover-all', '--out', out);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/signal/);
    expect(bad.stderr).toMatch(/2/);
  });
});
