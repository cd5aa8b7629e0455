import { describe, expect, it } from 'vitest';
import { createOpd, updateOpd } from '../src/modules/masterplan/commands.ts';
import { listOpds } from '../src/modules/masterplan/queries.ts';
import { testDatabase } from './support/db.ts';
import { engine } from './support/engine.ts';

describe(`data survives a restart (${engine})`, () => {
  it('closes the database, opens it again and finds what was written', async () => {
    const database = await testDatabase();
    try {
      const opd = await createOpd(database.db, { regionCode: '64.08', name: 'Dinas Ketahanan', abbreviation: 'DK' });
      await updateOpd(database.db, opd.id, { name: 'Dinas Ketahanan Pangan' }, 1);
      const reopened = await database.restart();
      expect(await listOpds(reopened.db, '64.08')).toEqual([expect.objectContaining({ id: opd.id, name: 'Dinas Ketahanan Pangan' })]);
      const { rows } = await reopened.exec('select version from opds where id = $1', [opd.id]);
      expect(rows[0]!.version).toBe(2);
      const plans = await reopened.exec('select count(*)::int as n from masterplans');
      expect(plans.rows[0]!.n).toBe(4);
    } finally {
      await database.close();
    }
  });
});
