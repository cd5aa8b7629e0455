import { pgTable, text, integer, primaryKey, foreignKey } from 'drizzle-orm/pg-core';

/** A version of the smart city framework (dimensions and elements). Plans point at one. */
export const frameworkVersions = pgTable('framework_versions', {
  id: text('id').primaryKey(),
  nameId: text('name_id').notNull(),
  nameEn: text('name_en').notNull(),
  source: text('source').notNull(),
});

export const dimensions = pgTable(
  'dimensions',
  {
    frameworkVersion: text('framework_version').notNull().references(() => frameworkVersions.id),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkVersion, t.key] })],
);

export const elements = pgTable(
  'elements',
  {
    frameworkVersion: text('framework_version').notNull(),
    key: text('key').notNull(),
    dimensionKey: text('dimension_key').notNull(),
    position: integer('position').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.frameworkVersion, t.key] }),
    foreignKey({ columns: [t.frameworkVersion, t.dimensionKey], foreignColumns: [dimensions.frameworkVersion, dimensions.key] }),
  ],
);
