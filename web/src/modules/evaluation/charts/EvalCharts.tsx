import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement,
  RadarController, RadialLinearScale, Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { useEvalI18n } from '../i18n.ts';

Chart.register(RadarController, RadialLinearScale, BarController, BarElement, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Filler);

const SELF = '#9a6b00';
const VALIDATED = '#0b4f6c';
const PREVIOUS = '#6b7280';

type Series = { label: string; values: (number | null)[]; color: string; dashed?: boolean };

/** One Chart.js canvas; the data table next to each chart carries the same figures for screen readers. */
function useChart(build: (el: HTMLCanvasElement) => Chart, deps: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = build(ref.current);
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

const dataset = (s: Series, fill: boolean) => ({
  label: s.label, data: s.values, borderColor: s.color, backgroundColor: fill ? `${s.color}33` : s.color,
  pointBackgroundColor: s.color, borderWidth: 2, fill, spanGaps: true, borderDash: s.dashed ? [6, 4] : [],
});

/** The six dimensions, self-assessed vs validated (and last year): a radar chart. */
export function RadarChart({ labels, series, max, summary }: { labels: string[]; series: Series[]; max: number; summary: string }) {
  const { t, lang } = useEvalI18n();
  const ref = useChart((el) => new Chart(el, {
    type: 'radar',
    data: { labels, datasets: series.map((s) => dataset(s, true)) },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, locale: lang === 'en' ? 'en-GB' : 'id-ID',
      scales: { r: { min: 0, max, ticks: { stepSize: 1 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  }), [JSON.stringify(labels), JSON.stringify(series), max, lang]);
  return (
    <div className="chart-box eval-radar">
      <canvas ref={ref} role="img" aria-label={summary} data-chart="radar">{t('charts.fallback')}</canvas>
    </div>
  );
}

/** Component scores as horizontal bars, self vs validated. */
export function ComponentBars({ labels, series, max, summary }: { labels: string[]; series: Series[]; max: number; summary: string }) {
  const { t, lang } = useEvalI18n();
  const ref = useChart((el) => new Chart(el, {
    type: 'bar',
    data: { labels, datasets: series.map((s) => ({ ...dataset(s, false), borderWidth: 0 })) },
    options: {
      indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false, locale: lang === 'en' ? 'en-GB' : 'id-ID',
      scales: { x: { min: 0, max } }, plugins: { legend: { position: 'bottom' } },
    },
  }), [JSON.stringify(labels), JSON.stringify(series), max, lang]);
  return (
    <div className="chart-box eval-bars" style={{ height: `${Math.max(180, labels.length * 56)}px` }}>
      <canvas ref={ref} role="img" aria-label={summary} data-chart="bars">{t('charts.fallback')}</canvas>
    </div>
  );
}

/** The index year over year. */
export function YearLine({ labels, values, max, summary, label }: { labels: string[]; values: number[]; max: number; summary: string; label: string }) {
  const { t, lang } = useEvalI18n();
  const ref = useChart((el) => new Chart(el, {
    type: 'line',
    data: { labels, datasets: [{ ...dataset({ label, values, color: VALIDATED }, false), pointRadius: 5, tension: 0 }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, locale: lang === 'en' ? 'en-GB' : 'id-ID',
      scales: { y: { min: 0, max } }, plugins: { legend: { display: false } },
    },
  }), [JSON.stringify(labels), JSON.stringify(values), max, lang, label]);
  return (
    <div className="chart-box eval-line">
      <canvas ref={ref} role="img" aria-label={summary} data-chart="line">{t('charts.fallback')}</canvas>
    </div>
  );
}

export const COLORS = { SELF, VALIDATED, PREVIOUS };
