import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../../core/api/client.ts';
import type { GeoCollection } from '../../../core/api/types.ts';
import { load } from '../../../core/api/useApi.ts';
import { createMap, L } from '../../maps/leaflet.ts';
import { fmt2, useEvalI18n } from '../i18n.ts';
import { colorFor } from './bins.ts';

type Item = { regionCode: string; regionName: string; index: number };
type Props = { items: Item[]; max: number; tileUrl: string; year: number };

/**
 * Regencies coloured by their index; the others grey. Clicking one opens its result page.
 * The map and its boundaries are made once; a new year or province filter only restyles them.
 */
export default function EvaluationMap({ items, max, tileUrl, year }: Props) {
  const { t, lang } = useEvalI18n();
  const [, navigate] = useLocation();
  const el = useRef<HTMLDivElement>(null);
  const layerRef = useRef<L.GeoJSON | null>(null);
  const mapRef = useRef<L.Map | null>(null);
  const state = useRef({ byCode: new Map<string, Item>(), year, navigate, lang, max });
  state.current = { byCode: new Map(items.map((i) => [i.regionCode, i])), year, navigate, lang, max };

  const restyle = () => {
    const layer = layerRef.current;
    const map = mapRef.current;
    if (!layer || !map) return;
    const { byCode, lang: l, max: m } = state.current;
    const evaluated: L.Layer[] = [];
    layer.eachLayer((f) => {
      const path = f as L.Path & { feature?: GeoJSON.Feature };
      const it = byCode.get(String(path.feature?.properties?.code));
      path.setStyle(it ? { color: '#ffffff', weight: 1, fillColor: colorFor(it.index, m), fillOpacity: 0.9 } : { color: '#ffffff', weight: 0.5, fillColor: '#e5e7eb', fillOpacity: 1 });
      path.unbindTooltip();
      if (it) {
        path.bindTooltip(`${it.regionName}: ${fmt2(it.index, l)}`);
        evaluated.push(path);
      }
    });
    if (evaluated.length) map.fitBounds(L.featureGroup(evaluated).getBounds(), { maxZoom: 7, padding: [20, 20], animate: false });
  };

  useEffect(() => {
    if (!el.current) return;
    const map = createMap(el.current, tileUrl, { zoomIn: t('national.zoomIn'), zoomOut: t('national.zoomOut') }, { preferCanvas: true, minZoom: 3 });
    map.fitBounds([[-11.2, 94.7], [6.3, 141.2]], { animate: false });
    mapRef.current = map;
    let cancelled = false;
    const layer = L.geoJSON(undefined, {
      onEachFeature: (f, l) => l.on('click', () => {
        const it = state.current.byCode.get(String(f.properties?.code));
        if (it) state.current.navigate(`/wilayah/${it.regionCode}/evaluasi/${state.current.year}`);
      }),
    }).addTo(map);
    layerRef.current = layer;
    load<GeoCollection>(paths.regencyGeo()).then(async (geo) => {
      // Small batches keep the main thread free; stop as soon as the map is gone.
      for (let i = 0; i < geo.features.length && !cancelled; i += 40) {
        layer.addData({ type: 'FeatureCollection', features: geo.features.slice(i, i + 40) } as GeoJSON.FeatureCollection);
        await new Promise((r) => window.setTimeout(r, 0));
      }
      if (!cancelled) restyle();
    }).catch(() => undefined);
    return () => {
      cancelled = true;
      layerRef.current = null;
      mapRef.current = null;
      map.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tileUrl]);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(restyle, [items, max, lang]);

  return <div ref={el} className="map eval-map" role="region" aria-label={t('national.mapLabel')} />;
}
