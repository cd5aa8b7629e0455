import { describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/modules/demo/seed.ts';
import { emptyDatabase } from './support/db.ts';

describe('first start on an empty database', () => {
  it('loads regions, framework and the demo, and works without the shared geo folder', async () => {
    const database = await emptyDatabase();
    try {
      await prepareDatabase(database, '/nonexistent/wilayah');
      const { rows } = await database.exec(`select count(*)::int as n, count(lat)::int as located from regions`);
      expect(rows[0]).toEqual({ n: 91592, located: 0 });
      const plans = await database.exec('select region_code from masterplans order by region_code');
      expect(plans.rows.map((r) => r.region_code)).toEqual(['64.01', '64.02', '64.07', '64.09']);
      // A second start changes nothing (no duplicate demo).
      await prepareDatabase(database, '/nonexistent/wilayah');
      expect((await database.exec('select count(*)::int as n from masterplans')).rows[0]!.n).toBe(4);
    } finally {
      await database.close();
    }
  });
});
