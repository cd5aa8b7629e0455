import { useEffect, useRef } from 'react';
import { paths } from '../../../core/api/client.ts';
import type { GeoCollection } from '../../../core/api/types.ts';
import { load } from '../../../core/api/useApi.ts';
import { createMap, L } from '../../maps/leaflet.ts';
import { lateColor } from './colors.ts';


type Props = {
  regionCode: string;
  /** Late programs per kecamatan code, with their titles for the tooltip. */
  late: Record<string, string[]>;
  tileUrl: string;
  label: string;
  labels: { zoomIn: string; zoomOut: string; none: string };
};

/** The region's kecamatan, coloured by the number of late programs happening there. */
export default function LateMap({ regionCode, late, tileUrl, label, labels }: Props) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const map = createMap(el.current, tileUrl, labels);
    map.setView([-0.5, 116.5], 7);
    let live = true;
    const layer = L.geoJSON(undefined, {
      style: (f) => {
        const n = late[String(f?.properties?.code)]?.length ?? 0;
        return { color: '#475569', weight: 1, fillColor: lateColor(n), fillOpacity: n ? 0.75 : 0.4, className: n ? 'late-district' : 'calm-district' };
      },
      onEachFeature: (f, l) => {
        const titles = late[String(f.properties?.code)] ?? [];
        l.bindTooltip(`<strong>${String(f.properties?.name ?? '')}</strong><br>${titles.length ? titles.map((x) => x.replace(/</g, '&lt;')).join('<br>') : labels.none}`, { sticky: true });
      },
    }).addTo(map);
    void load<GeoCollection>(paths.regionGeo(regionCode, 'district')).then((g) => {
      if (!live) return;
      layer.addData(g as GeoJSON.FeatureCollection);
      if (layer.getLayers().length) map.fitBounds(layer.getBounds().pad(0.05), { animate: false });
    }).catch(() => undefined);
    return () => {
      live = false;
      map.remove();
    };
  }, [regionCode, late, tileUrl, labels]);
  return <div ref={el} className="map mon-map" role="region" aria-label={label} />;
}
