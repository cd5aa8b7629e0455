import {
  CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { Kpi } from '../../core/api/types.ts';
import { useI18n } from '../../core/i18n.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Filler);

/** Baseline and targets of one KPI as a line chart (the table next to it carries the same data). */
export default function KpiChart({ kpi }: { kpi: Kpi }) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const color = getComputedStyle(canvas.current).getPropertyValue('--pc').trim() || '#0b4f6c';
    const targets = [...kpi.targets].sort((a, b) => a.year - b.year);
    const years = [...new Set([...(kpi.baselineYear !== null && kpi.baselineValue !== null ? [kpi.baselineYear] : []), ...targets.map((x) => x.year)])].sort((a, b) => a - b);
    const at = (y: number) => targets.find((x) => x.year === y);
    const datasets = [
      {
        label: kpi.polarity === 'range' ? t('program.kpis.min') : t('program.kpis.target'),
        data: years.map((y) => (y === kpi.baselineYear && !at(y) ? kpi.baselineValue : at(y)?.value ?? null)),
        borderColor: color, backgroundColor: color, pointRadius: 4, spanGaps: true, tension: 0,
      },
    ];
    if (kpi.polarity === 'range') {
      datasets.push({
        label: t('program.kpis.max'), data: years.map((y) => at(y)?.valueMax ?? null),
        borderColor: '#6b7280', backgroundColor: '#6b7280', pointRadius: 4, spanGaps: true, tension: 0,
      });
    }
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { labels: years.map(String), datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: lang === 'en' ? 'en-GB' : 'id-ID',
        plugins: { legend: { display: datasets.length > 1 }, tooltip: { enabled: true } },
        scales: { y: { title: { display: Boolean(kpi.unit), text: kpi.unit }, beginAtZero: false } },
      },
    });
    return () => chart.destroy();
  }, [kpi, t, lang]);
  const summary = t('program.kpis.chartLabel', { name: kpi.name });
  return (
    <div className="chart-box">
      <canvas ref={canvas} role="img" aria-label={summary}>{t('program.kpis.chartFallback')}</canvas>
    </div>
  );
}
