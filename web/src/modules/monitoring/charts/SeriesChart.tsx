import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export type Series = { label: string; data: (number | null)[]; color: string; dashed?: boolean };

/**
 * Lines over reporting periods (KPI actual vs target, physical vs financial progress). The
 * caller renders the same numbers as a table next to it; the canvas carries a summary label.
 */
export default function SeriesChart({ labels, series, unit, label, lang }: { labels: string[]; series: Series[]; unit: string; label: string; lang: 'id' | 'en' }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label, data: s.data, borderColor: s.color, backgroundColor: s.color, pointRadius: 4, spanGaps: true, tension: 0,
          borderDash: s.dashed ? [6, 4] : [],
        })),
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, locale: lang === 'en' ? 'en-GB' : 'id-ID',
        plugins: { legend: { display: true }, tooltip: { enabled: true } },
        scales: { y: { title: { display: Boolean(unit), text: unit }, beginAtZero: false } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, unit, lang]);
  return (
    <div className="mon-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-points={series.map((s) => s.data.filter((v) => v !== null).length).join(',')} />
    </div>
  );
}
