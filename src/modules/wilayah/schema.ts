import { pgTable, text, doublePrecision, bigint, jsonb, index } from 'drizzle-orm/pg-core';

/** Region levels of the Kemendagri hierarchy. */
export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Every official region (wilayah) of Indonesia, keyed by its dotted Kemendagri code. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
    parentCode: text('parent_code'),
    /** Centroid, when a geo import provided one. */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    population: bigint('population', { mode: 'number' }),
    areaKm2: doublePrecision('area_km2'),
    /** GeoJSON geometry (Polygon/MultiPolygon), when a geo import provided one. */
    boundary: jsonb('boundary'),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_level_idx').on(t.level),
    index('regions_name_idx').on(t.name),
  ],
);
