import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../core/api/client.ts';
import type { GeoCollection, Participant } from '../../core/api/types.ts';
import { load } from '../../core/api/useApi.ts';
import { useI18n } from '../../core/i18n.ts';
import { addInBatches, createMap, cssVar, L } from './leaflet.ts';

const INDONESIA: L.LatLngBoundsExpression = [[-11.2, 94.7], [6.3, 141.2]];

type Props = { participants: Participant[]; tileUrl: string };

/** Indonesia with every regency boundary; participating regencies highlighted and clickable. */
export default function NationalMap({ participants, tileUrl }: Props) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const el = useRef<HTMLDivElement>(null);
  const zoomIn = t('map.zoomIn');
  const zoomOut = t('map.zoomOut');
  const nav = useRef(navigate);
  nav.current = navigate;

  useEffect(() => {
    if (!el.current) return;
    const map = createMap(el.current, tileUrl, { zoomIn, zoomOut }, { preferCanvas: true, minZoom: 3 });
    map.fitBounds(INDONESIA);
    const accent = cssVar('--accent', '#0b4f6c');
    const codes = new Set(participants.map((p) => p.code));
    const open = (code: string) => nav.current(`/wilayah/${code}`);
    let cancelled = false;

    const boundaries = L.geoJSON(undefined, {
      style: (f) =>
        codes.has(String(f?.properties?.code))
          ? { color: accent, weight: 1.5, fillColor: accent, fillOpacity: 0.55 }
          : { color: '#ffffff', weight: 0.5, fillColor: '#c9d6de', fillOpacity: 1 },
      onEachFeature: (f, layer) => {
        const code = String(f.properties?.code);
        if (!codes.has(code)) return;
        layer.on('click', () => open(code));
      },
      interactive: true,
    }).addTo(map);

    // Labels and markers are drawn after the boundaries; direction keeps neighbours' labels apart.
    const located = participants.flatMap((p) => (p.lat !== null && p.lng !== null ? [{ p, lat: p.lat, lng: p.lng }] : []));
    const meanLat = located.reduce((a, x) => a + x.lat, 0) / (located.length || 1);
    const meanLng = located.reduce((a, x) => a + x.lng, 0) / (located.length || 1);
    const markers = L.layerGroup().addTo(map);
    const renderer = L.svg({ pane: 'markerPane' });
    for (const { p, lat, lng } of located) {
      const dx = lng - meanLng, dy = lat - meanLat;
      const direction = Math.abs(dx) > Math.abs(dy) ? (dx < 0 ? 'left' : 'right') : dy < 0 ? 'bottom' : 'top';
      const m = L.circleMarker([lat, lng], {
        radius: 7, color: '#ffffff', weight: 2, fillColor: cssVar('--accent-strong', '#08384d'), fillOpacity: 1, renderer,
      });
      m.bindTooltip(p.name.replace(/^Kabupaten /, ''), { permanent: true, direction, interactive: true, className: 'map-label' });
      m.on('click', () => open(p.code));
      m.getTooltip()?.on('click', () => open(p.code));
      m.addTo(markers);
    }

    load<GeoCollection>(paths.regencyGeo())
      .then((geo) => (cancelled ? undefined : addInBatches(boundaries, geo)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
      map.remove();
    };
  }, [participants, tileUrl, zoomIn, zoomOut]);

  return <div ref={el} className="map" role="region" aria-label={t('national.mapLabel')} />;
}
