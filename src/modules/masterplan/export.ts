import type { DbOrTx } from '../../core/db.ts';
import { getMasterplanView, listPrograms, getProgramView } from './queries.ts';

/** A region's whole masterplan as one JSON document (for `pilar export masterplan`). */
export async function exportMasterplan(db: DbOrTx, regionCode: string) {
  const masterplan = await getMasterplanView(db, regionCode);
  const programs = [];
  for (let offset = 0; ; offset += 200) {
    const page = await listPrograms(db, regionCode, { limit: 200, offset });
    for (const p of page.items) programs.push(await getProgramView(db, p.id));
    if (offset + 200 >= page.total) break;
  }
  return { format: 'pilar.masterplan/v1', exportedAt: new Date().toISOString(), masterplan, programs };
}
