import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import type { Plan } from './plan.ts';

/**
 * A saved scenario's plan as CSV (one row per site), GeoJSON (sites, coverage radius, backhaul
 * lines, targets) and a PDF summary in Bahasa Indonesia (with English sub-headings) that a
 * Diskominfo can attach to a budget proposal.
 */

export interface ExportContext {
  regionName: string;
  scenario: { name: string; objective: string; budget: number | null; goal: string; radiusKm: number; priorityWeight: number; illustrative: boolean; updatedAt: string };
  plan: Plan;
  villages: readonly { code: string; name: string; lat: number; lng: number; signal: string; population: number }[];
  nodes: readonly { id: string; name: string; lat: number; lng: number; kind: string }[];
}

const rp = (n: number) => `Rp ${Math.round(n).toLocaleString('id-ID')}`;
const pct = (x: number) => `${(100 * x).toLocaleString('id-ID', { maximumFractionDigits: 3 })} %`;
const BACKHAUL = { fibre: 'serat optik / fibre', microwave: 'microwave', satellite: 'satelit / satellite' } as const;

export function planCsv(c: ExportContext): string {
  const pop = new Map(c.villages.map((v) => [v.code, v]));
  const rows: unknown[][] = [];
  for (const t of c.plan.towers) {
    rows.push(['tower', t.site, t.name, t.lat, t.lng, t.backhaul, t.backhaulNode ?? '', t.cost, t.covers.length,
      t.covers.reduce((s, x) => s + (pop.get(x)?.population ?? 0), 0), t.covers.join(' '), c.scenario.illustrative]);
  }
  for (const v of c.plan.vsat) {
    const village = pop.get(v.village);
    rows.push(['vsat', v.village, village?.name ?? '', village?.lat ?? '', village?.lng ?? '', '', '', v.cost, 1, village?.population ?? 0, v.village, c.scenario.illustrative]);
  }
  return stringify(rows, { header: true, columns: ['kind', 'site', 'name', 'lat', 'lng', 'backhaul', 'backhaul_node', 'cost_idr', 'covers', 'covered_population', 'covered_villages', 'illustrative'] });
}

export function planGeoJson(c: ExportContext) {
  const covered = new Set(c.plan.coveredVillages);
  const nodes = new Map(c.nodes.map((n) => [n.id, n]));
  const features: unknown[] = [];
  for (const t of c.plan.towers) {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [t.lng, t.lat] },
      properties: { kind: 'tower', site: t.site, name: t.name, backhaul: t.backhaul, backhaulNode: t.backhaulNode, cost: t.cost, radiusKm: c.scenario.radiusKm, covers: t.covers } });
    const n = t.backhaulNode ? nodes.get(t.backhaulNode) : undefined;
    if (n) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[t.lng, t.lat], [n.lng, n.lat]] }, properties: { kind: 'backhaul', backhaul: t.backhaul, site: t.site, node: n.id } });
  }
  const byCode = new Map(c.villages.map((v) => [v.code, v]));
  for (const s of c.plan.vsat) {
    const v = byCode.get(s.village);
    if (v) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [v.lng, v.lat] }, properties: { kind: 'vsat', site: s.village, name: v.name, cost: s.cost } });
  }
  for (const n of c.nodes) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [n.lng, n.lat] }, properties: { kind: 'node', id: n.id, name: n.name, nodeKind: n.kind } });
  return {
    type: 'FeatureCollection',
    properties: { region: c.regionName, scenario: c.scenario.name, objective: c.plan.objective, budget: c.plan.budget, totalCost: c.plan.totalCost, coveredPopulation: c.plan.coveredPopulation, gap: c.plan.gap, illustrative: c.scenario.illustrative },
    features: [
      ...features,
      ...c.villages.filter((v) => v.signal !== '4g' || covered.has(v.code)).map((v) => ({
        type: 'Feature', geometry: { type: 'Point', coordinates: [v.lng, v.lat] },
        properties: { kind: 'village', code: v.code, name: v.name, signal: v.signal, population: v.population, covered: covered.has(v.code) },
      })),
    ],
  };
}

/** The PDF summary; resolves to the whole file. */
export function planPdf(c: ExportContext): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Rencana konektivitas — ${c.scenario.name}`, Author: 'Pilar' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const { plan, scenario } = c;

  doc.fontSize(18).font('Helvetica-Bold').text('Rencana Konektivitas Desa Blank Spot');
  doc.fontSize(10).font('Helvetica').fillColor('#555').text('Blank-spot connectivity plan');
  doc.moveDown(0.5).fillColor('#000').fontSize(12).text(`${c.regionName} — skenario "${scenario.name}"`);
  if (scenario.illustrative) {
    doc.moveDown(0.3).fontSize(9).fillColor('#a15c00')
      .text('ILUSTRATIF: status sinyal, populasi desa dan/atau simpul jaringan dalam rencana ini adalah data contoh, bukan data resmi. / ILLUSTRATIVE: example data, not official figures.');
    doc.fillColor('#000');
  }
  doc.moveDown(0.6).fontSize(10);
  const figures: [string, string][] = [
    ['Tujuan / objective', plan.objective === 'budget' ? `Populasi terjangkau terbanyak dengan anggaran ${rp(plan.budget ?? 0)}` : 'Semua desa target terjangkau dengan biaya terkecil'],
    ['Target sinyal / goal', `di bawah ${scenario.goal.toUpperCase()}, radius menara ${scenario.radiusKm.toLocaleString('id-ID')} km`],
    ['Total biaya / total cost', rp(plan.totalCost)],
    ['Desa terjangkau / villages covered', `${plan.coveredVillages.length} dari ${plan.targetCount} desa target`],
    ['Penduduk terjangkau / population covered', plan.coveredPopulation.toLocaleString('id-ID')],
    ['Menara 4G / towers', String(plan.towers.length)],
    ['VSAT', String(plan.vsat.length)],
    ['Batas terbukti, celah / proven bound, gap', `${plan.objective === 'budget' ? Math.round(plan.bound).toLocaleString('id-ID') : rp(plan.bound)}; ${pct(plan.gap)}`],
    ['Metode, waktu / method, time', `${plan.method === 'exact' ? 'eksak (HiGHS)' : 'cepat (Lagrange)'}, ${plan.elapsedMs.toLocaleString('id-ID', { maximumFractionDigits: 1 })} ms`],
  ];
  for (const [k, v] of figures) {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(k, 48, y, { width: 190 });
    const after = doc.y;
    doc.font('Helvetica').text(v, 245, y, { width: 300 });
    doc.y = Math.max(after, doc.y) + 2;
  }

  drawMap(doc, c, 48, doc.y + 10, 499, 260);

  doc.addPage();
  doc.fontSize(13).font('Helvetica-Bold').text('Daftar lokasi / Sites');
  doc.moveDown(0.4);
  const cols = [{ w: 40, t: 'Jenis' }, { w: 150, t: 'Desa / village' }, { w: 90, t: 'Backhaul' }, { w: 60, t: 'Desa terjangkau' }, { w: 110, t: 'Biaya / cost' }];
  const row = (cells: string[], bold = false) => {
    if (doc.y > 770) doc.addPage();
    const y = doc.y;
    let x = 48;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    let bottom = y;
    cells.forEach((cell, i) => { doc.text(cell, x, y, { width: cols[i]!.w - 6 }); bottom = Math.max(bottom, doc.y); x += cols[i]!.w; });
    doc.y = bottom + 3;
  };
  row(cols.map((c2) => c2.t), true);
  const names = new Map(c.villages.map((v) => [v.code, v.name]));
  for (const t of plan.towers) row(['Menara', `${t.name || t.site} (${t.site})`, BACKHAUL[t.backhaul], String(t.covers.length), rp(t.cost)]);
  for (const v of plan.vsat) row(['VSAT', `${names.get(v.village) ?? v.village} (${v.village})`, '—', '1', rp(v.cost)]);
  if (!plan.towers.length && !plan.vsat.length) doc.font('Helvetica').text('Tidak ada lokasi terpilih. / No sites chosen.');
  doc.moveDown(1).fontSize(8).fillColor('#555').font('Helvetica')
    .text(`Dibuat oleh Pilar, ${new Date(scenario.updatedAt).toLocaleDateString('id-ID')}. Model dan sumber setiap asumsi biaya: docs/connectivity.md.`, 48);
  doc.end();
  return done;
}

/** A small equirectangular drawing: targets by status, towers with their radius, backhaul lines, VSATs, nodes. */
function drawMap(doc: PDFKit.PDFDocument, c: ExportContext, x0: number, y0: number, w: number, h: number) {
  const pts = [...c.villages, ...c.nodes];
  if (!pts.length) return;
  let minLat = Math.min(...pts.map((p) => p.lat)), maxLat = Math.max(...pts.map((p) => p.lat));
  let minLng = Math.min(...pts.map((p) => p.lng)), maxLng = Math.max(...pts.map((p) => p.lng));
  const padLat = (maxLat - minLat) * 0.05 + 0.01, padLng = (maxLng - minLng) * 0.05 + 0.01;
  minLat -= padLat; maxLat += padLat; minLng -= padLng; maxLng += padLng;
  const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const scale = Math.min(w / ((maxLng - minLng) * kx), h / (maxLat - minLat));
  const px = (lng: number) => x0 + (lng - minLng) * kx * scale;
  const py = (lat: number) => y0 + (maxLat - lat) * scale;
  const kmToPt = scale / 111.32;
  doc.save().rect(x0, y0, w, h).lineWidth(0.5).stroke('#999');
  const covered = new Set(c.plan.coveredVillages);
  const colour: Record<string, string> = { none: '#c0392b', '2g': '#e67e22', '3g': '#f1c40f', '4g': '#27ae60' };
  for (const v of c.villages) doc.circle(px(v.lng), py(v.lat), covered.has(v.code) ? 2.2 : 1.6).fill(covered.has(v.code) ? '#1f6feb' : colour[v.signal] ?? '#888');
  const nodes = new Map(c.nodes.map((n) => [n.id, n]));
  for (const t of c.plan.towers) {
    const n = t.backhaulNode ? nodes.get(t.backhaulNode) : undefined;
    if (n) doc.moveTo(px(t.lng), py(t.lat)).lineTo(px(n.lng), py(n.lat)).lineWidth(0.8).dash(2, { space: 2 }).stroke('#6a3d9a').undash();
    doc.circle(px(t.lng), py(t.lat), Math.max(2, c.scenario.radiusKm * kmToPt)).lineWidth(0.7).stroke('#1f6feb');
    doc.rect(px(t.lng) - 2.5, py(t.lat) - 2.5, 5, 5).fill('#1f3a93');
  }
  for (const n of c.nodes) doc.polygon([px(n.lng), py(n.lat) - 4], [px(n.lng) - 3.5, py(n.lat) + 3], [px(n.lng) + 3.5, py(n.lat) + 3]).fill(n.kind === 'fibre' ? '#6a3d9a' : '#555');
  doc.restore();
  doc.fontSize(7).fillColor('#333').text('Merah/oranye/kuning: desa tanpa sinyal/2G/3G; biru: terjangkau rencana; kotak + lingkaran: menara 4G dan jangkauannya; segitiga: simpul serat optik/menara; garis putus: backhaul.', x0, y0 + h + 4, { width: w });
  doc.fillColor('#000');
}
