import { useEffect, useRef } from 'react';
import { createMap, L } from '../maps/leaflet.ts';
import { STATUS_COLOUR } from './colours.ts';
import { isTarget, type Goal, type NodeRow, type Plan, type VillageRow } from './api.ts';

type Props = {
  villages: VillageRow[]; nodes: NodeRow[]; plan: Plan | null; radiusKm: number; goal: Goal; tileUrl: string;
  label: string; zoomIn: string; zoomOut: string;
};


/**
 * Targets coloured by status (reached ones ringed blue), new towers with their coverage
 * circles, backhaul lines to the nodes, VSAT sites and nodes. SVG paths carry class names
 * (conn-tower, conn-coverage, conn-backhaul, conn-vsat, conn-node, conn-village).
 */
export default function PlannerMap({ villages, nodes, plan, radiusKm, goal, tileUrl, label, zoomIn, zoomOut }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const base = useRef<L.LayerGroup | null>(null);
  const overlay = useRef<L.LayerGroup | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const m = createMap(el.current, tileUrl, { zoomIn, zoomOut }, { scrollWheelZoom: false });
    m.setView([-0.5, 116.5], 8);
    map.current = m;
    base.current = L.layerGroup().addTo(m);
    overlay.current = L.layerGroup().addTo(m);
    return () => { m.remove(); map.current = null; };
  }, [tileUrl, zoomIn, zoomOut]);

  // Villages and nodes: redrawn when the data or the goal changes; the view fits them once.
  const fitted = useRef(false);
  useEffect(() => {
    const m = map.current, layer = base.current;
    if (!m || !layer) return;
    layer.clearLayers();
    const covered = new Set(plan?.coveredVillages ?? []);
    for (const v of villages) {
      const target = isTarget(v.signal, goal);
      L.circleMarker([v.lat, v.lng], {
        radius: target ? 5 : 3, weight: covered.has(v.code) ? 3 : 1, color: covered.has(v.code) ? '#1849a9' : '#ffffff',
        fillColor: STATUS_COLOUR[v.signal], fillOpacity: target ? 0.95 : 0.6, className: `conn-village conn-${v.signal}${covered.has(v.code) ? ' conn-covered' : ''}`,
      }).bindTooltip(`${v.name} (${v.signal.toUpperCase()}, ${v.population.toLocaleString('id-ID')})`).addTo(layer);
    }
    for (const n of nodes) {
      const fibre = n.kind === 'fibre';
      L.circleMarker([n.lat, n.lng], { radius: fibre ? 7 : 3.5, weight: fibre ? 2 : 1, color: '#ffffff', fillColor: fibre ? '#6941c6' : '#1d2939', fillOpacity: 1, className: `conn-node conn-node-${n.kind}` })
        .bindTooltip(n.name || n.id).addTo(layer);
    }
    if (!fitted.current && villages.length) {
      fitted.current = true;
      m.fitBounds(L.latLngBounds(villages.map((v) => [v.lat, v.lng] as [number, number])).pad(0.05), { animate: false });
    }
  }, [villages, nodes, goal, plan]);

  // The plan: towers, coverage, backhaul, VSAT.
  useEffect(() => {
    const layer = overlay.current;
    if (!layer) return;
    layer.clearLayers();
    if (!plan) return;
    const nodeById = new Map(nodes.map((n) => [n.id, n]));
    const byCode = new Map(villages.map((v) => [v.code, v]));
    for (const t of plan.towers) {
      L.circle([t.lat, t.lng], { radius: radiusKm * 1000, color: '#1570ef', weight: 1.5, fillColor: '#1570ef', fillOpacity: 0.08, className: 'conn-coverage', interactive: false }).addTo(layer);
      const n = t.backhaulNode ? nodeById.get(t.backhaulNode) : undefined;
      if (n) L.polyline([[t.lat, t.lng], [n.lat, n.lng]], { color: t.backhaul === 'fibre' ? '#6941c6' : '#0e9384', weight: 2, dashArray: t.backhaul === 'fibre' ? undefined : '6 4', className: `conn-backhaul conn-backhaul-${t.backhaul}` }).addTo(layer);
      L.circleMarker([t.lat, t.lng], { radius: 8, weight: 3, color: '#ffffff', fillColor: '#1849a9', fillOpacity: 1, className: 'conn-tower' })
        .bindTooltip(`${t.name} — ${t.backhaul}`).addTo(layer);
    }
    for (const s of plan.vsat) {
      const v = byCode.get(s.village);
      if (v) L.circleMarker([v.lat, v.lng], { radius: 6, weight: 2, color: '#1849a9', fillColor: '#ffffff', fillOpacity: 1, className: 'conn-vsat' }).bindTooltip(`VSAT ${v.name}`).addTo(layer);
    }
  }, [plan, nodes, villages, radiusKm]);

  return <div ref={el} className="map conn-map" role="region" aria-label={label} />;
}
