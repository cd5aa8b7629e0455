import type { DbOrTx } from '../../core/db.ts';
import { getMasterplanView, listPrograms, getProgramView, type Viewer } from './queries.ts';

/** A region's whole masterplan as one JSON document (for `pilar export masterplan`). */
/** The CLI is an operator tool: it exports unpublished programs too (each carries `published`). */
export async function exportMasterplan(db: DbOrTx, regionCode: string, viewer: Viewer = { unpublished: true }) {
  const masterplan = await getMasterplanView(db, regionCode, viewer);
  const programs = [];
  for (let offset = 0; ; offset += 200) {
    const page = await listPrograms(db, regionCode, { limit: 200, offset }, viewer);
    for (const p of page.items) programs.push(await getProgramView(db, p.id, viewer));
    if (offset + 200 >= page.total) break;
  }
  return { format: 'pilar.masterplan/v1', exportedAt: new Date().toISOString(), masterplan, programs };
}
