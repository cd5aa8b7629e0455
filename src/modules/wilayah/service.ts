import { and, asc, eq, like, or, sql, ilike, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import simplify from 'simplify-js';
import type { DbOrTx } from '../../core/db.ts';
import { notFound, parseInput } from '../../core/errors.ts';
import { masterplans } from '../masterplan/schema.ts';
import { levelOfCode } from './names.ts';
import { regions, REGION_LEVELS } from './schema.ts';

const regionColumns = {
  code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode,
  lat: regions.lat, lng: regions.lng, population: regions.population, areaKm2: regions.areaKm2,
};

const codeParam = (code: string) => {
  if (!levelOfCode(code)) throw notFound({ id: `Wilayah ${code}`, en: `Region ${code}` }, 'code');
};

export async function getRegion(db: DbOrTx, code: string) {
  codeParam(code);
  const [r] = await db.select(regionColumns).from(regions).where(eq(regions.code, code));
  if (!r) throw notFound({ id: `Wilayah ${code}`, en: `Region ${code}` }, 'code');
  const parts = code.split('.');
  const ancestorCodes = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
  const ancestors = ancestorCodes.length
    ? await db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions)
      .where(sql`${regions.code} in (${sql.join(ancestorCodes.map((c) => sql`${c}`), sql`, `)})`).orderBy(asc(regions.code))
    : [];
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(regions).where(eq(regions.parentCode, code));
  const [plan] = await db.select({ id: masterplans.id }).from(masterplans).where(eq(masterplans.regionCode, code)).limit(1);
  return { ...r, ancestors, childCount: n, participating: Boolean(plan) };
}

const childrenQuery = z.object({ level: z.enum(['district', 'village']).optional() });

/** Direct children, or with level=village every village below a regency or district. */
export async function listChildren(db: DbOrTx, code: string, query: unknown = {}) {
  const { level } = parseInput(childrenQuery, query, 'query');
  await getRegion(db, code);
  const where = level
    ? and(eq(regions.level, level), like(regions.code, `${code}.%`))
    : eq(regions.parentCode, code);
  return db.select(regionColumns).from(regions).where(where).orderBy(asc(regions.code));
}

const searchQuery = z.object({
  q: z.string().trim().min(2, 'Minimal 2 karakter | At least 2 characters').max(100),
  level: z.enum(REGION_LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Finds regions by name (contains) or code (prefix); larger levels first. */
export async function searchRegions(db: DbOrTx, query: unknown) {
  const f = parseInput(searchQuery, query, 'query');
  const isCode = /^[\d.]+$/.test(f.q);
  const pattern = isCode ? `${f.q}%` : `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(isCode ? like(regions.code, pattern) : or(ilike(regions.name, pattern)), f.level ? eq(regions.level, f.level) : undefined);
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(regions).where(where);
  const items = await db.select(regionColumns).from(regions).where(where)
    .orderBy(sql`case ${regions.level} when 'province' then 0 when 'regency' then 1 when 'district' then 2 else 3 end`, asc(regions.code))
    .limit(f.limit).offset(f.offset);
  return { items, total, limit: f.limit, offset: f.offset };
}

const geoQuery = z.object({ level: z.enum(['self', 'district', 'village']).default('self') });

/** Boundaries of a region (self) or of its districts/villages, as a GeoJSON FeatureCollection. */
export async function regionGeo(db: DbOrTx, code: string, query: unknown = {}) {
  const { level } = parseInput(geoQuery, query, 'query');
  await getRegion(db, code);
  const where = level === 'self' ? eq(regions.code, code) : and(eq(regions.level, level), like(regions.code, `${code}.%`));
  const rows = await db.select({ code: regions.code, name: regions.name, level: regions.level, boundary: regions.boundary })
    .from(regions).where(and(where, isNotNull(regions.boundary))).orderBy(asc(regions.code));
  return featureCollection(rows);
}

function featureCollection(rows: { code: string; name: string; level: string; boundary: unknown }[]) {
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({ type: 'Feature' as const, id: r.code, properties: { code: r.code, name: r.name, level: r.level }, geometry: r.boundary })),
  };
}

type Ring = number[][];
/** Douglas–Peucker on each ring (tolerance in degrees), dropping rings that collapse. */
function simplifyGeometry(g: { type: string; coordinates: unknown }, tolerance: number) {
  const ring = (r: Ring) => {
    const s = simplify(r.map(([x, y]) => ({ x: x!, y: y! })), tolerance, true).map((p) => [Math.round(p.x * 1e4) / 1e4, Math.round(p.y * 1e4) / 1e4]);
    return s.length >= 4 ? s : null;
  };
  const polygon = (rings: Ring[]) => rings.map(ring).filter((r): r is Ring => r !== null);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates as Ring[]) };
  return { type: 'MultiPolygon', coordinates: (g.coordinates as Ring[][]).map(polygon).filter((p) => p.length) };
}

let nationalCache: { key: string; body: unknown } | undefined;

/** Every regency boundary, simplified for a national map (~0.02° ≈ 2 km), cached per data state. */
export async function nationalRegencyGeo(db: DbOrTx) {
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(regions).where(and(eq(regions.level, 'regency'), isNotNull(regions.boundary)));
  const key = String(n);
  if (nationalCache?.key === key) return nationalCache.body;
  const rows = await db.select({ code: regions.code, name: regions.name, level: regions.level, boundary: regions.boundary })
    .from(regions).where(and(eq(regions.level, 'regency'), isNotNull(regions.boundary))).orderBy(asc(regions.code));
  const body = featureCollection(rows.map((r) => ({ ...r, boundary: simplifyGeometry(r.boundary as { type: string; coordinates: unknown }, 0.02) })));
  nationalCache = { key, body };
  return body;
}
