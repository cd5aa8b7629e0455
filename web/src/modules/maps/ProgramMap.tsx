import { useEffect, useRef } from 'react';
import { paths } from '../../core/api/client.ts';
import type { GeoCollection, ProgramLocation } from '../../core/api/types.ts';
import { load } from '../../core/api/useApi.ts';
import { useI18n } from '../../core/i18n.ts';
import { createMap, L } from './leaflet.ts';

type Props = { regionCode: string; locations: ProgramLocation[]; tileUrl: string; label: string };

const districtOf = (code: string) => code.split('.').slice(0, 3).join('.');

/** The region's kecamatan, the program's desa highlighted, a marker per location. */
export default function ProgramMap({ regionCode, locations, tileUrl, label }: Props) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const zoomIn = t('map.zoomIn');
  const zoomOut = t('map.zoomOut');
  useEffect(() => {
    if (!el.current) return;
    const color = getComputedStyle(el.current).getPropertyValue('--pc').trim() || '#0b4f6c';
    const map = createMap(el.current, tileUrl, { zoomIn, zoomOut });
    map.setView([-0.5, 116.5], 7);
    let live = true;
    const codes = new Set(locations.map((l) => l.code));
    const districtLocs = new Set(locations.filter((l) => l.level === 'district').map((l) => l.code));

    const districts = L.geoJSON(undefined, {
      style: (f) => districtLocs.has(String(f?.properties?.code))
        ? { color, weight: 2, fillColor: color, fillOpacity: 0.25 }
        : { color: '#64748b', weight: 1, fillColor: '#e2e8f0', fillOpacity: 0.35 },
      onEachFeature: (f, layer) => layer.bindTooltip(String(f.properties?.name ?? ''), { sticky: true }),
    }).addTo(map);
    const villages = L.geoJSON(undefined, {
      style: () => ({ color, weight: 1.5, fillColor: color, fillOpacity: 0.45, className: 'loc-village' }),
      onEachFeature: (f, layer) => layer.bindTooltip(String(f.properties?.name ?? ''), { sticky: true }),
    }).addTo(map);
    const markers = L.featureGroup().addTo(map);
    for (const l of locations) {
      if (l.lat === null || l.lng === null) continue;
      L.circleMarker([l.lat, l.lng], { radius: 6, color: '#ffffff', weight: 2, fillColor: color, fillOpacity: 1, className: 'loc-marker' })
        .bindTooltip(l.districtName ? `${l.name} (${l.districtName})` : l.name)
        .addTo(markers);
    }
    const fit = () => {
      const b = L.latLngBounds([]);
      if (markers.getLayers().length) b.extend(markers.getBounds());
      if (villages.getLayers().length) b.extend(villages.getBounds());
      districts.eachLayer((layer) => {
        const code = String((layer as L.Polygon).feature?.properties?.code);
        if (districtLocs.has(code)) b.extend((layer as L.Polygon).getBounds());
      });
      if (!b.isValid() && districts.getLayers().length) b.extend(districts.getBounds());
      if (b.isValid()) map.fitBounds(b.pad(0.15), { maxZoom: 12, animate: false });
    };
    fit();

    const villageDistricts = [...new Set(locations.filter((l) => l.level === 'village').map((l) => districtOf(l.code)))];
    const jobs: Promise<unknown>[] = [
      load<GeoCollection>(paths.regionGeo(regionCode, 'district')).then((g) => { if (live) districts.addData(g as GeoJSON.FeatureCollection); }),
      ...villageDistricts.map((d) =>
        load<GeoCollection>(paths.regionGeo(d, 'village')).then((g) => {
          if (!live) return;
          const mine = g.features.filter((f) => codes.has(String(f.properties?.code ?? f.id)));
          villages.addData({ type: 'FeatureCollection', features: mine } as GeoJSON.FeatureCollection);
        }),
      ),
    ];
    void Promise.allSettled(jobs).then(() => {
      if (!live) return;
      districts.bringToBack();
      fit();
    });
    return () => {
      live = false;
      map.remove();
    };
  }, [regionCode, locations, tileUrl, zoomIn, zoomOut]);
  return <div ref={el} className="map" role="region" aria-label={label} />;
}
