import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../core/db.ts';
import { AppError, invalid } from '../../core/errors.ts';
import { audit } from '../accounts/audit.ts';
import { recordProgramVersion } from '../editing/history.ts';
import { createProgram } from '../masterplan/commands.ts';
import { masterplans, opds } from '../masterplan/schema.ts';
import type { Plan } from './plan.ts';
import { connectivityScenarios } from './schema.ts';
import { loadScenario, type Ctx } from './service.ts';

/**
 * "Jadikan program": the sites of a saved scenario become programs of the region's masterplan,
 * once per scenario, in one transaction with their history and audit entries.
 *
 * Element: Smart Governance → Pelayanan Publik (`governance.public-service`). Connecting a
 * blank-spot village is what lets its people reach digital public services, and the demo's own
 * blank-spot program (Kukar "Penuntasan Blank Spot") sits there; the framework's
 * "infrastruktur" is a readiness aspect, not an element a program can belong to.
 */
export const PROGRAM_ELEMENT = 'governance.public-service';

const BACKHAUL_ID = { fibre: 'serat optik', microwave: 'radio microwave', satellite: 'satelit' } as const;
const rupiah = (n: number) => `Rp ${Math.round(n).toLocaleString('id-ID')}`;

export interface ProgramDraft {
  code: string; title: string; description: string; locations: string[]; amount: number;
}

/** The programs of a plan: one per tower (locations = the villages it covers), one for all VSATs. */
export function programDrafts(plan: Plan, prefix: string, scenarioName: string, names: ReadonlyMap<string, string>): ProgramDraft[] {
  const out: ProgramDraft[] = [];
  plan.towers.forEach((t, k) => {
    const locations = [...new Set([t.site, ...t.covers])];
    out.push({
      code: `${prefix}-T${String(k + 1).padStart(2, '0')}`,
      title: `Menara 4G ${t.name || t.site} (backhaul ${BACKHAUL_ID[t.backhaul]})`,
      description: `Menara 4G baru di desa ${t.name || t.site} dengan backhaul ${BACKHAUL_ID[t.backhaul]}${t.backhaulNode ? ` ke ${t.backhaulNode}` : ''}, menjangkau ${locations.length} desa target. Biaya ${rupiah(t.cost)} (belanja modal dan operasional selama horizon katalog). Dari skenario perencanaan konektivitas "${scenarioName}".`,
      locations, amount: t.cost,
    });
  });
  if (plan.vsat.length) {
    const cost = plan.vsat.reduce((s, v) => s + v.cost, 0);
    const list = plan.vsat.slice(0, 12).map((v) => names.get(v.village) ?? v.village).join(', ');
    out.push({
      code: `${prefix}-VSAT`,
      title: `Akses internet VSAT untuk ${plan.vsat.length} desa`,
      description: `Akses internet komunitas lewat VSAT di ${plan.vsat.length} desa target (${list}${plan.vsat.length > 12 ? ', …' : ''}). Biaya ${rupiah(cost)}. Dari skenario perencanaan konektivitas "${scenarioName}".`,
      locations: plan.vsat.map((v) => v.village), amount: cost,
    });
  }
  return out;
}

export async function makePrograms(db: Db, ctx: Ctx, scenarioId: string, now = new Date()) {
  const s = await loadScenario(db, ctx, scenarioId);
  if (s.programIds) {
    throw new AppError(409, 'programs_exist', {
      id: `Program dari skenario ini sudah dibuat (${s.programIds.length} program); tidak dibuat dua kali`,
      en: `Programs from this scenario were already made (${s.programIds.length}); they are not made twice`,
    }, 'programs');
  }
  if (!s.plan.towers.length && !s.plan.vsat.length) throw invalid('plan', { id: 'rencana ini tidak memilih lokasi apa pun', en: 'this plan chooses no sites' });
  const [plan] = await db.select().from(masterplans).where(eq(masterplans.regionCode, s.regionCode)).orderBy(desc(masterplans.periodStart)).limit(1);
  if (!plan) throw invalid('masterplan', { id: 'wilayah ini belum punya masterplan', en: 'this region has no masterplan yet' });
  const regionOpds = await db.select().from(opds).where(eq(opds.regionCode, s.regionCode));
  const lead = regionOpds.find((o) => /^diskominfo/i.test(o.abbreviation)) ?? regionOpds.find((o) => o.role === 'coordinator') ?? regionOpds[0];
  if (!lead) throw invalid('leadOpdId', { id: 'wilayah ini belum punya OPD', en: 'this region has no OPD yet' });
  const year = Math.min(plan.periodEnd, Math.max(plan.periodStart, now.getFullYear()));
  const prefix = `KON-${s.id.slice(0, 6).toUpperCase()}`;
  const names = new Map(s.plan.towers.map((t) => [t.site, t.name]));
  const drafts = programDrafts(s.plan, prefix, s.name, names);

  return db.transaction(async (tx) => {
    // Claim the scenario first: a second (or concurrent) run finds it claimed and creates nothing.
    const claimed = await tx.update(connectivityScenarios).set({ programsCreatedAt: now, programIds: [] })
      .where(and(eq(connectivityScenarios.id, s.id), isNull(connectivityScenarios.programIds))).returning({ id: connectivityScenarios.id });
    if (!claimed.length) {
      throw new AppError(409, 'programs_exist', { id: 'Program dari skenario ini sudah dibuat; tidak dibuat dua kali', en: 'Programs from this scenario were already made; they are not made twice' }, 'programs');
    }
    const ids: string[] = [];
    for (const d of drafts) {
      const p = await createProgram(tx as unknown as Db, {
        masterplanId: plan.id, code: d.code, title: d.title, description: d.description, elementKey: PROGRAM_ELEMENT, leadOpdId: lead.id,
        horizon: 'short', startYear: year, endYear: year, illustrative: s.illustrative,
        budgets: [{ year, source: 'APBD', amount: d.amount, illustrative: s.illustrative }], locations: d.locations,
      });
      await recordProgramVersion(tx, p.id, ctx.actor?.userId ?? null, 'create');
      await audit(tx, { actor: ctx.actor, action: 'program.create', entityType: 'program', entityId: p.id, regionCode: s.regionCode, ip: ctx.ip, details: { from: 'connectivity', scenario: s.id } });
      ids.push(p.id);
    }
    await tx.update(connectivityScenarios).set({ programIds: ids, version: s.version + 1, updatedAt: now }).where(eq(connectivityScenarios.id, s.id));
    await audit(tx, { actor: ctx.actor, action: 'connectivity.scenario.programs', entityType: 'connectivity_scenario', entityId: s.id, regionCode: s.regionCode, ip: ctx.ip, details: { programs: ids.length } });
    return { programs: drafts.map((d, i) => ({ id: ids[i]!, code: d.code, title: d.title, amount: d.amount, locations: d.locations.length })), masterplanId: plan.id, leadOpd: lead.abbreviation, year };
  });
}
