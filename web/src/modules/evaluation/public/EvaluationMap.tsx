import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { paths } from '../../../core/api/client.ts';
import type { GeoCollection } from '../../../core/api/types.ts';
import { load } from '../../../core/api/useApi.ts';
import { addInBatches, createMap, L } from '../../maps/leaflet.ts';
import { fmt2, useEvalI18n } from '../i18n.ts';
import { colorFor } from './bins.ts';

type Props = { items: { regionCode: string; regionName: string; index: number }[]; max: number; tileUrl: string };

/** Regencies coloured by their index; the others grey. Clicking one opens its result page. */
export default function EvaluationMap({ items, max, tileUrl, year }: Props & { year: number }) {
  const { t, lang } = useEvalI18n();
  const [, navigate] = useLocation();
  const el = useRef<HTMLDivElement>(null);
  const nav = useRef(navigate);
  nav.current = navigate;
  useEffect(() => {
    if (!el.current) return;
    const map = createMap(el.current, tileUrl, { zoomIn: t('national.zoomIn'), zoomOut: t('national.zoomOut') }, { preferCanvas: true, minZoom: 3 });
    map.fitBounds([[-11.2, 94.7], [6.3, 141.2]]);
    const byCode = new Map(items.map((i) => [i.regionCode, i]));
    let cancelled = false;
    const evaluated = L.featureGroup();
    const layer = L.geoJSON(undefined, {
      style: (f) => {
        const it = byCode.get(String(f?.properties?.code));
        return it ? { color: '#ffffff', weight: 1, fillColor: colorFor(it.index, max), fillOpacity: 0.9 } : { color: '#ffffff', weight: 0.5, fillColor: '#e5e7eb', fillOpacity: 1 };
      },
      onEachFeature: (f, l) => {
        const it = byCode.get(String(f.properties?.code));
        if (!it) return;
        l.bindTooltip(`${it.regionName}: ${fmt2(it.index, lang)}`);
        l.on('click', () => nav.current(`/wilayah/${it.regionCode}/evaluasi/${year}`));
        evaluated.addLayer(l);
      },
    }).addTo(map);
    load<GeoCollection>(paths.regencyGeo()).then(async (geo) => {
      if (cancelled) return;
      await addInBatches(layer, geo);
      if (!cancelled && evaluated.getLayers().length) map.fitBounds(evaluated.getBounds(), { maxZoom: 7, padding: [20, 20] });
    }).catch(() => undefined);
    return () => {
      cancelled = true;
      map.remove();
    };
  }, [items, max, tileUrl, t, lang, year]);
  return <div ref={el} className="map eval-map" role="region" aria-label={t('national.mapLabel')} />;
}
