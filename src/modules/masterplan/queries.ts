import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inSequence, type DbOrTx } from '../../core/db.ts';
import { notFound, parseInput } from '../../core/errors.ts';
import { getFramework, type FrameworkView } from '../framework/service.ts';
import { elements } from '../framework/schema.ts';
import { regions } from '../wilayah/schema.ts';
import {
  HORIZONS, masterplans, opds, programs, programBudgets, programLocations, programSupportingOpds, quickWins, kpis, kpiTargets,
  readinessAnalyses, swotItems,
} from './schema.ts';

/**
 * Read side of the masterplan module: the views the API and the portal show.
 * A viewer who may not read unpublished data (the public, foreign regions) never sees
 * programs that wait for their first approval.
 */
export interface Viewer { unpublished: boolean }
export const PUBLIC: Viewer = { unpublished: false };
const visible = (v: Viewer) => (v.unpublished ? undefined : eq(programs.published, true));
const visibleSql = (v: Viewer, alias: string) => (v.unpublished ? sql`` : sql.raw(` and ${alias}.published`));

const opdRef = (o: { id: string; name: string; abbreviation: string }) => ({ id: o.id, name: o.name, abbreviation: o.abbreviation });

/** The current masterplan of a region: the one whose period started last. */
export async function currentMasterplan(db: DbOrTx, regionCode: string) {
  const [m] = await db.select().from(masterplans).where(eq(masterplans.regionCode, regionCode)).orderBy(desc(masterplans.periodStart)).limit(1);
  return m;
}

async function requireMasterplan(db: DbOrTx, regionCode: string) {
  const m = await currentMasterplan(db, regionCode);
  if (!m) throw notFound({ id: `Masterplan wilayah ${regionCode}`, en: `Masterplan of region ${regionCode}` }, 'code');
  return m;
}

// Correlated subqueries name the outer table literally: Drizzle renders a column of a
// single-table select unqualified ("id"), which inside a subquery would bind to the inner table.
const budgetTotalSql = sql<number>`coalesce((select sum(b.amount) from program_budgets b where b.program_id = "programs"."id"), 0)::float8`;

export async function getMasterplanView(db: DbOrTx, regionCode: string, viewer: Viewer = PUBLIC) {
  const m = await requireMasterplan(db, regionCode);
  const framework = await getFramework(db, m.frameworkVersion);
  const [region] = await db.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.code, regionCode));
  const opdRows = await db.select({
    id: opds.id, name: opds.name, abbreviation: opds.abbreviation, role: opds.role, version: opds.version,
    programCount: sql<number>`(select count(*) from programs p where p.lead_opd_id = "opds"."id"${visibleSql(viewer, 'p')})::int`,
  }).from(opds).where(eq(opds.regionCode, regionCode)).orderBy(asc(opds.name));
  const readiness = await db.select().from(readinessAnalyses).where(eq(readinessAnalyses.masterplanId, m.id));
  const swot = readiness.length
    ? await db.select().from(swotItems).where(inArray(swotItems.readinessId, readiness.map((r) => r.id))).orderBy(asc(swotItems.position))
    : [];
  const progRows = await db.select({ id: programs.id, elementKey: programs.elementKey, budgetTotal: budgetTotalSql })
    .from(programs).where(and(eq(programs.masterplanId, m.id), visible(viewer)));
  const budgetRows = await db.select({ year: programBudgets.year, source: programBudgets.source, amount: programBudgets.amount, illustrative: programBudgets.illustrative })
    .from(programBudgets).innerJoin(programs, eq(programs.id, programBudgets.programId)).where(and(eq(programs.masterplanId, m.id), visible(viewer)));
  const qwRows = await db.select({ id: quickWins.id, year: quickWins.year, dimensionKey: quickWins.dimensionKey, progress: quickWins.progress, programId: programs.id, title: programs.title })
    .from(quickWins).innerJoin(programs, eq(programs.id, quickWins.programId)).where(and(eq(quickWins.masterplanId, m.id), visible(viewer))).orderBy(desc(quickWins.year));

  const elementDim = new Map(framework.dimensions.flatMap((d) => d.elements.map((e) => [e.key, d.key] as const)));
  const sumBy = <K>(rows: { amount: number }[], key: (r: never) => K) => {
    const out = new Map<K, number>();
    for (const r of rows) out.set(key(r as never), (out.get(key(r as never)) ?? 0) + r.amount);
    return out;
  };
  const byYear = sumBy(budgetRows, (r: { year: number }) => r.year);
  const bySource = sumBy(budgetRows, (r: { source: string }) => r.source);
  return {
    id: m.id,
    region: region!,
    frameworkVersion: m.frameworkVersion,
    title: m.title, periodStart: m.periodStart, periodEnd: m.periodEnd, vision: m.vision, mission: m.mission,
    legalBasis: m.legalBasis, status: m.status, illustrativeFields: m.illustrativeFields, version: m.version,
    opds: opdRows,
    readiness: readiness.map((r) => ({
      id: r.id, dimensionKey: r.dimensionKey, aspect: r.aspect, summary: r.summary, illustrative: r.illustrative,
      swot: swot.filter((s) => s.readinessId === r.id).map((s) => ({ kind: s.kind, text: s.text })),
    })),
    dimensions: framework.dimensions.map((d) => {
      const progs = progRows.filter((p) => elementDim.get(p.elementKey) === d.key);
      return {
        key: d.key, name: d.name, programCount: progs.length,
        budgetTotal: progs.reduce((s, p) => s + Number(p.budgetTotal), 0),
        elements: d.elements.map((e) => ({ ...e, programCount: progs.filter((p) => p.elementKey === e.key).length })),
        quickWins: qwRows.filter((q) => q.dimensionKey === d.key).map((q) => ({ id: q.id, year: q.year, program: { id: q.programId, title: q.title }, progress: q.progress })),
      };
    }),
    totals: {
      programCount: progRows.length,
      budgetTotal: budgetRows.reduce((s, b) => s + b.amount, 0),
      budgetIllustrative: budgetRows.some((b) => b.illustrative),
      budgetByYear: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, amount]) => ({ year, amount })),
      budgetBySource: [...bySource].sort((a, b) => b[1] - a[1]).map(([source, amount]) => ({ source, amount })),
    },
    quickWinYears: [...new Set(qwRows.map((q) => q.year))].sort((a, b) => b - a),
    sources: m.sources,
  };
}

export const programListQuery = z.object({
  dimension: z.string().max(40).optional(),
  element: z.string().max(80).optional(),
  opd: z.string().uuid('Harus ID OPD (UUID) | Must be an OPD id (UUID)').optional(),
  horizon: z.enum(HORIZONS).optional(),
  quickWinYear: z.coerce.number().int().min(2000).max(2100).optional(),
  location: z.string().regex(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, 'Harus kode kecamatan/desa | Must be a district/village code').optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['code', 'title', 'startYear', 'budget']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ProgramListQuery = z.input<typeof programListQuery>;

/** Programs of a region's current masterplan, filtered, sorted and paged. */
export async function listPrograms(db: DbOrTx, regionCode: string, query: unknown = {}, viewer: Viewer = PUBLIC) {
  const f = parseInput(programListQuery, query, 'query');
  const m = await requireMasterplan(db, regionCode);
  const where: SQL[] = [eq(programs.masterplanId, m.id)];
  if (!viewer.unpublished) where.push(eq(programs.published, true));
  if (f.dimension) where.push(sql`${programs.elementKey} in (select e.key from elements e where e.framework_version = ${m.frameworkVersion} and e.dimension_key = ${f.dimension})`);
  if (f.element) where.push(eq(programs.elementKey, f.element));
  if (f.opd) where.push(sql`(${programs.leadOpdId} = ${f.opd} or exists (select 1 from program_supporting_opds s where s.program_id = "programs"."id" and s.opd_id = ${f.opd}))`);
  if (f.horizon) where.push(eq(programs.horizon, f.horizon));
  if (f.quickWinYear) where.push(sql`exists (select 1 from quick_wins q where q.program_id = "programs"."id" and q.year = ${f.quickWinYear})`);
  // A kecamatan matches programs located in it or in any of its villages.
  if (f.location) where.push(sql`exists (select 1 from program_locations l where l.program_id = "programs"."id" and (l.region_code = ${f.location} or l.region_code like ${f.location + '.%'}))`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${programs.code} ilike ${like} or ${programs.title} ilike ${like} or ${programs.description} ilike ${like})`);
  }
  const sortCol = { code: programs.code, title: programs.title, startYear: programs.startYear, budget: budgetTotalSql }[f.sort];
  const dir = f.order === 'desc' ? desc : asc;
  const cond = and(...where);
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(programs).where(cond);
  const rows = await db.select({
    id: programs.id, code: programs.code, title: programs.title, elementKey: programs.elementKey, dimensionKey: elements.dimensionKey,
    horizon: programs.horizon, startYear: programs.startYear, endYear: programs.endYear, illustrative: programs.illustrative,
    published: programs.published,
    budgetTotal: budgetTotalSql, opdId: opds.id, opdName: opds.name, opdAbbr: opds.abbreviation,
    quickWinYears: sql<number[]>`coalesce((select array_agg(q.year order by q.year) from quick_wins q where q.program_id = "programs"."id"), '{}')`,
  }).from(programs)
    .innerJoin(opds, eq(opds.id, programs.leadOpdId))
    .innerJoin(elements, and(eq(elements.frameworkVersion, programs.frameworkVersion), eq(elements.key, programs.elementKey)))
    .where(cond).orderBy(dir(sortCol), asc(programs.code)).limit(f.limit).offset(f.offset);
  return { items: rows.map(toSummary), total, limit: f.limit, offset: f.offset };
}

type SummaryRow = {
  id: string; code: string; title: string; elementKey: string; dimensionKey: string; horizon: (typeof HORIZONS)[number];
  startYear: number; endYear: number; illustrative: boolean; published: boolean; budgetTotal: number; opdId: string; opdName: string; opdAbbr: string; quickWinYears: number[];
};
function toSummary(r: SummaryRow) {
  return {
    id: r.id, code: r.code, title: r.title, dimensionKey: r.dimensionKey, elementKey: r.elementKey,
    leadOpd: { id: r.opdId, name: r.opdName, abbreviation: r.opdAbbr }, horizon: r.horizon,
    startYear: r.startYear, endYear: r.endYear, budgetTotal: Number(r.budgetTotal), illustrative: r.illustrative, published: r.published,
    quickWinYears: (r.quickWinYears ?? []).map(Number),
  };
}

export async function getProgramView(db: DbOrTx, id: string, viewer: Viewer | ((regionCode: string) => Viewer) = PUBLIC) {
  if (!z.string().uuid().safeParse(id).success) throw notFound({ id: 'Program', en: 'Program' }, 'id');
  const [p] = await db.select({ program: programs, opd: opds, dimensionKey: elements.dimensionKey, regionName: regions.name })
    .from(programs)
    .innerJoin(opds, eq(opds.id, programs.leadOpdId))
    .innerJoin(elements, and(eq(elements.frameworkVersion, programs.frameworkVersion), eq(elements.key, programs.elementKey)))
    .innerJoin(regions, eq(regions.code, programs.regionCode))
    .where(eq(programs.id, id));
  const v = typeof viewer === 'function' ? viewer(p?.program.regionCode ?? '') : viewer;
  if (!p || (!p.program.published && !v.unpublished)) throw notFound({ id: 'Program', en: 'Program' }, 'id');
  const [supporting, budgets, locations, kpiRows, qws] = await inSequence([
    db.select({ id: opds.id, name: opds.name, abbreviation: opds.abbreviation }).from(programSupportingOpds)
      .innerJoin(opds, eq(opds.id, programSupportingOpds.opdId)).where(eq(programSupportingOpds.programId, id)).orderBy(asc(opds.name)),
    db.select().from(programBudgets).where(eq(programBudgets.programId, id)).orderBy(asc(programBudgets.year), asc(programBudgets.source)),
    db.select({
      code: regions.code, name: regions.name, level: regions.level, lat: regions.lat, lng: regions.lng,
      districtName: sql<string | null>`(select d.name from regions d where d.code = "regions"."parent_code" and "regions"."level" = 'village')`,
    }).from(programLocations).innerJoin(regions, eq(regions.code, programLocations.regionCode)).where(eq(programLocations.programId, id)).orderBy(asc(regions.code)),
    db.select().from(kpis).where(eq(kpis.programId, id)).orderBy(asc(kpis.position), asc(kpis.name)),
    db.select().from(quickWins).where(eq(quickWins.programId, id)).orderBy(asc(quickWins.year)),
  ]);
  const targets = kpiRows.length
    ? await db.select().from(kpiTargets).where(inArray(kpiTargets.kpiId, kpiRows.map((k) => k.id))).orderBy(asc(kpiTargets.year))
    : [];
  const prog = p.program;
  return {
    id: prog.id, code: prog.code, title: prog.title, description: prog.description,
    region: { code: prog.regionCode, name: p.regionName }, masterplanId: prog.masterplanId,
    dimensionKey: p.dimensionKey, elementKey: prog.elementKey, leadOpd: opdRef(p.opd), supportingOpds: supporting,
    horizon: prog.horizon, startYear: prog.startYear, endYear: prog.endYear,
    service: prog.serviceName || prog.serviceUrl ? { name: prog.serviceName ?? prog.serviceUrl!, url: prog.serviceUrl } : null,
    illustrative: prog.illustrative, published: prog.published, version: prog.version, updatedAt: prog.updatedAt.toISOString(),
    budgets: budgets.map((b) => ({ year: b.year, source: b.source, amount: b.amount, illustrative: b.illustrative })),
    budgetTotal: budgets.reduce((s, b) => s + b.amount, 0),
    locations: locations.map((l) => ({ ...l, level: l.level as 'district' | 'village' })),
    kpis: kpiRows.map((k) => ({
      id: k.id, name: k.name, unit: k.unit, polarity: k.polarity, baselineValue: k.baselineValue, baselineYear: k.baselineYear,
      illustrative: k.illustrative, version: k.version,
      targets: targets.filter((t) => t.kpiId === k.id).map((t) => ({ year: t.year, value: t.value, valueMax: t.valueMax })),
    })),
    quickWins: qws.map((q) => ({ year: q.year, dimensionKey: q.dimensionKey, progress: q.progress, progressIllustrative: q.progressIllustrative })),
    quickWinYears: qws.map((q) => q.year),
  };
}

/** Quick wins of a region for a year (default: the latest year that has any). */
export async function listQuickWins(db: DbOrTx, regionCode: string, query: unknown = {}, viewer: Viewer = PUBLIC) {
  const { year } = parseInput(z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), query, 'query');
  const m = await requireMasterplan(db, regionCode);
  const framework: FrameworkView = await getFramework(db, m.frameworkVersion);
  let y = year;
  if (y === undefined) {
    const [latest] = await db.select({ year: sql<number>`max(${quickWins.year})` }).from(quickWins).where(eq(quickWins.masterplanId, m.id));
    y = latest?.year ?? undefined;
    if (y === undefined || y === null) return [];
  }
  const rows = await db.select({ qw: quickWins, title: programs.title, opd: opds })
    .from(quickWins).innerJoin(programs, eq(programs.id, quickWins.programId)).innerJoin(opds, eq(opds.id, programs.leadOpdId))
    .where(and(eq(quickWins.masterplanId, m.id), eq(quickWins.year, y), visible(viewer)));
  const order = framework.dimensions.map((d) => d.key);
  return rows
    .sort((a, b) => order.indexOf(a.qw.dimensionKey) - order.indexOf(b.qw.dimensionKey))
    .map((r) => ({
      id: r.qw.id, year: r.qw.year, dimension: r.qw.dimensionKey,
      dimensionName: framework.dimensions.find((d) => d.key === r.qw.dimensionKey)!.name,
      program: { id: r.qw.programId, title: r.title }, opd: opdRef(r.opd),
      progress: r.qw.progress, progressIllustrative: r.qw.progressIllustrative,
    }));
}

export async function listOpds(db: DbOrTx, regionCode: string, viewer: Viewer = PUBLIC) {
  return db.select({
    id: opds.id, name: opds.name, abbreviation: opds.abbreviation, role: opds.role, version: opds.version,
    programCount: sql<number>`(select count(*) from programs p where p.lead_opd_id = "opds"."id"${visibleSql(viewer, 'p')})::int`,
  }).from(opds).where(eq(opds.regionCode, regionCode)).orderBy(asc(opds.name));
}

export async function getOpdView(db: DbOrTx, id: string, viewerOf: (regionCode: string) => Viewer = () => PUBLIC) {
  if (!z.string().uuid().safeParse(id).success) throw notFound({ id: 'OPD', en: 'OPD' }, 'id');
  const [o] = await db.select({ opd: opds, regionName: regions.name }).from(opds).innerJoin(regions, eq(regions.code, opds.regionCode)).where(eq(opds.id, id));
  if (!o) throw notFound({ id: 'OPD', en: 'OPD' }, 'id');
  const all = await listPrograms(db, o.opd.regionCode, { opd: id, limit: 200 }, viewerOf(o.opd.regionCode)).catch(() => ({ items: [] }));
  return {
    id: o.opd.id, name: o.opd.name, abbreviation: o.opd.abbreviation, role: o.opd.role, version: o.opd.version,
    region: { code: o.opd.regionCode, name: o.regionName },
    lead: all.items.filter((p) => p.leadOpd.id === id),
    supporting: all.items.filter((p) => p.leadOpd.id !== id),
  };
}

/** Regions that have a masterplan in Pilar, for the national page. */
export async function listParticipants(db: DbOrTx) {
  const rows = await db.execute(sql`
    select r.code, r.name, r.lat, r.lng, r.population, r.area_km2 as "areaKm2",
           p.code as "provinceCode", p.name as "provinceName",
           m.id as "masterplanId", m.title, m.period_start as "periodStart", m.period_end as "periodEnd", m.status,
           (select count(*) from programs pr where pr.masterplan_id = m.id and pr.published)::int as "programCount",
           coalesce((select sum(b.amount) from program_budgets b join programs pr on pr.id = b.program_id where pr.masterplan_id = m.id and pr.published), 0)::float8 as "budgetTotal"
    from masterplans m
    join regions r on r.code = m.region_code
    left join regions p on p.code = r.parent_code
    where m.period_start = (select max(m2.period_start) from masterplans m2 where m2.region_code = m.region_code)
    order by r.name`);
  return (rows as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    code: String(r.code), name: String(r.name), province: { code: String(r.provinceCode), name: String(r.provinceName) },
    lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng),
    population: r.population === null ? null : Number(r.population), areaKm2: r.areaKm2 === null ? null : Number(r.areaKm2),
    masterplan: { id: String(r.masterplanId), title: String(r.title), periodStart: Number(r.periodStart), periodEnd: Number(r.periodEnd), status: r.status as 'draft' | 'adopted' },
    programCount: Number(r.programCount), budgetTotal: Number(r.budgetTotal),
  }));
}
