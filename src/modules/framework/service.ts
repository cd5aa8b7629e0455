import { eq, asc } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db.ts';
import { notFound } from '../../core/errors.ts';
import { FRAMEWORKS, CURRENT_FRAMEWORK_ID } from './data.ts';
import { frameworkVersions, dimensions, elements } from './schema.ts';

/** Writes the shipped framework versions (idempotent), so plans can point at them. */
export async function ensureFrameworks(db: DbOrTx): Promise<void> {
  for (const f of FRAMEWORKS) {
    await db.insert(frameworkVersions).values({ id: f.id, nameId: f.name.id, nameEn: f.name.en, source: f.source })
      .onConflictDoUpdate({ target: frameworkVersions.id, set: { nameId: f.name.id, nameEn: f.name.en, source: f.source } });
    for (const [i, d] of f.dimensions.entries()) {
      await db.insert(dimensions).values({ frameworkVersion: f.id, key: d.key, position: i, nameId: d.name.id, nameEn: d.name.en })
        .onConflictDoUpdate({ target: [dimensions.frameworkVersion, dimensions.key], set: { position: i, nameId: d.name.id, nameEn: d.name.en } });
      for (const [j, e] of d.elements.entries()) {
        await db.insert(elements).values({ frameworkVersion: f.id, key: e.key, dimensionKey: d.key, position: i * 10 + j, nameId: e.name.id, nameEn: e.name.en })
          .onConflictDoUpdate({ target: [elements.frameworkVersion, elements.key], set: { dimensionKey: d.key, position: i * 10 + j, nameId: e.name.id, nameEn: e.name.en } });
      }
    }
  }
}

export interface FrameworkView {
  version: string;
  name: { id: string; en: string };
  source: string;
  dimensions: { key: string; name: { id: string; en: string }; elements: { key: string; name: { id: string; en: string } }[] }[];
}

/** The framework as stored, in display order. */
export async function getFramework(db: DbOrTx, version = CURRENT_FRAMEWORK_ID): Promise<FrameworkView> {
  const [fv] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, version));
  if (!fv) throw notFound({ id: `Versi kerangka ${version}`, en: `Framework version ${version}` }, 'version');
  const dims = await db.select().from(dimensions).where(eq(dimensions.frameworkVersion, version)).orderBy(asc(dimensions.position));
  const els = await db.select().from(elements).where(eq(elements.frameworkVersion, version)).orderBy(asc(elements.position));
  return {
    version: fv.id,
    name: { id: fv.nameId, en: fv.nameEn },
    source: fv.source,
    dimensions: dims.map((d) => ({
      key: d.key,
      name: { id: d.nameId, en: d.nameEn },
      elements: els.filter((e) => e.dimensionKey === d.key).map((e) => ({ key: e.key, name: { id: e.nameId, en: e.nameEn } })),
    })),
  };
}

/** Dimension key of an element key within a framework version, or undefined. */
export function dimensionOfElement(framework: FrameworkView, elementKey: string): string | undefined {
  return framework.dimensions.find((d) => d.elements.some((e) => e.key === elementKey))?.key;
}
