import { and, eq, isNotNull, like } from 'drizzle-orm';
import type { Db } from '../../core/db.ts';
import { regions } from '../wilayah/schema.ts';
import { illustrativeInputs, prng, SENDAWAR_NODE, type Place } from './illustrative.ts';
import { haversineKm, type InfraNode, type Signal } from './model.ts';
import { connectivityNodes, connectivityScenarios, connectivityVillages } from './schema.ts';

/**
 * Demo connectivity data of the four demo regencies: the REAL village centroids of the wilayah
 * tables (from ../shared/data/wilayah, loaded by the wilayah import), with ILLUSTRATIVE signal
 * statuses, populations and facility flags (no public per-village source exists). The number of
 * villages without any signal follows the domain notes where they give one:
 *  - Kutai Kartanegara: 18 blank-spot villages remaining in 2022 (of 23 in the RPJMD target);
 *    with 2G/3G villages 56 below 4G, the count East Kalimantan once reported for Kukar;
 *  - Kutai Barat 86 and Paser 37 blank-spot villages (East Kalimantan's count);
 *  - Penajam Paser Utara: no figure, an illustrative share.
 * The most remote villages (distance to the fibre point times noise) get the lowest status.
 * Nodes: the Palapa Ring Tengah node at Sendawar (Kutai Barat) is real (domain notes); the other
 * fibre points and existing towers are illustrative.
 */
export const DEMO_STATUS: Record<string, { none: number; partial: number; seed: number }> = {
  '64.02': { none: 18, partial: 38, seed: 6402 },
  '64.01': { none: 37, partial: 15, seed: 6401 },
  '64.09': { none: 6, partial: 8, seed: 6409 },
  '64.07': { none: 86, partial: 20, seed: 6407 },
};

const VILLAGE_SOURCE = 'Ilustratif (demo Pilar): titik tengah desa dari data wilayah Kemendagri/cahyadsn; status sinyal, penduduk dan fasilitas contoh. Jumlah desa tanpa sinyal mengikuti catatan domain (Kukar: 18 tersisa pada 2022; Kubar 86; Paser 37).';
const NODE_SOURCE = 'Ilustratif (demo Pilar): lokasi titik serat optik dan menara contoh';
const PALAPA_SOURCE = 'Catatan domain Pilar: simpul backbone Palapa Ring Tengah di Sendawar (koordinat perkiraan)';

export async function seedConnectivityDemo(db: Db): Promise<{ villages: number; nodes: number }> {
  let villageCount = 0, nodeCount = 0;
  for (const [code, spec] of Object.entries(DEMO_STATUS)) {
    const places: Place[] = (await db.select({ code: regions.code, name: regions.name, lat: regions.lat, lng: regions.lng }).from(regions)
      .where(and(eq(regions.level, 'village'), like(regions.code, `${code}.%`), isNotNull(regions.lat), isNotNull(regions.lng))).orderBy(regions.code))
      .map((r) => ({ code: r.code, name: r.name, lat: r.lat!, lng: r.lng! }));
    if (!places.length) continue;
    const [regency] = await db.select({ population: regions.population }).from(regions).where(eq(regions.code, code));
    const base = illustrativeInputs(places, new Map(regency?.population ? [[code, regency.population]] : []), { seed: spec.seed });
    const rand = prng(spec.seed + 1);
    const fibre: InfraNode[] = code === '64.07' ? [SENDAWAR_NODE] : base.nodes.filter((n) => n.kind === 'fibre' && n.id !== SENDAWAR_NODE.id);
    // Remoteness: distance to the nearest fibre point, with log-normal noise; the most remote get the lowest status.
    const remote = places.map((p) => Math.min(...fibre.map((n) => haversineKm(p.lat, p.lng, n.lat, n.lng))) * Math.exp(0.5 * (rand() + rand() + rand() - 1.5)));
    const order = places.map((_, k) => k).sort((a, b) => remote[b]! - remote[a]! || a - b);
    const signal: Signal[] = places.map(() => '4g');
    order.slice(0, spec.none).forEach((k) => { signal[k] = 'none'; });
    order.slice(spec.none, spec.none + spec.partial).forEach((k) => { signal[k] = rand() < 0.45 ? '2g' : '3g'; });
    const towers: InfraNode[] = places.filter((_, k) => signal[k] === '4g' && rand() < 1 / 8)
      .map((p) => ({ id: `tower-${p.code}`, name: `Menara ${p.name}`, lat: p.lat, lng: p.lng, kind: 'tower' }));

    await db.transaction(async (tx) => {
      await tx.delete(connectivityScenarios).where(eq(connectivityScenarios.regionCode, code));
      await tx.delete(connectivityVillages).where(eq(connectivityVillages.regionCode, code));
      await tx.delete(connectivityNodes).where(eq(connectivityNodes.regionCode, code));
      await tx.insert(connectivityVillages).values(base.villages.map((v, k) => ({
        regionCode: code, villageCode: v.code, name: v.name, lat: v.lat, lng: v.lng, signal: signal[k]!, population: v.population,
        school: rand() < 0.35, health: rand() < 0.12, office: false, illustrative: true, source: VILLAGE_SOURCE,
      })));
      await tx.insert(connectivityNodes).values([...fibre, ...towers].map((n) => ({
        regionCode: code, nodeId: n.id, name: n.name, lat: n.lat, lng: n.lng, kind: n.kind,
        illustrative: n.id !== SENDAWAR_NODE.id, source: n.id === SENDAWAR_NODE.id ? PALAPA_SOURCE : NODE_SOURCE,
      })));
    });
    villageCount += places.length;
    nodeCount += fibre.length + towers.length;
  }
  return { villages: villageCount, nodes: nodeCount };
}
