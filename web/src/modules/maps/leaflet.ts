import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { GeoCollection } from '../../core/api/types.ts';

export { L };

export type MapLabels = { zoomIn: string; zoomOut: string };

/** A Leaflet map on `el`; a base-map tile layer is added only when the server configured one. */
export function createMap(el: HTMLElement, tileUrl: string, labels: MapLabels, options: L.MapOptions = {}): L.Map {
  const map = L.map(el, { scrollWheelZoom: false, zoomSnap: 0.25, attributionControl: true, zoomControl: false, ...options });
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('Leaflet');
  if (tileUrl) {
    // The config carries no attribution: credit OpenStreetMap when its tiles are used.
    const attribution = /openstreetmap/i.test(tileUrl) ? '© OpenStreetMap contributors' : '';
    L.tileLayer(tileUrl, { maxZoom: 18, attribution }).addTo(map);
  }
  return map;
}

/** Adds features in small batches so a big boundary file never blocks the main thread long. */
export function addInBatches(layer: L.GeoJSON, data: GeoCollection, batch = 40): Promise<void> {
  const features = data.features;
  return new Promise((resolve) => {
    let i = 0;
    const step = () => {
      const slice = features.slice(i, i + batch);
      if (slice.length) layer.addData({ type: 'FeatureCollection', features: slice } as GeoJSON.FeatureCollection);
      i += batch;
      if (i < features.length) window.setTimeout(step, 0);
      else resolve();
    };
    step();
  });
}

/** Reads a CSS custom property of the document (pillar and theme colours live in CSS). */
export function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}
