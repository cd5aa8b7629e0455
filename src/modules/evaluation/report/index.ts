/**
 * Evaluation report (issue 7 item 6): PDF and DOCX in Bahasa Indonesia from an
 * EvaluationReportData, without I/O. The cycle's routes build the data and call these.
 */
export type { EvaluationReportData } from './types.ts';
export { renderEvaluationPdf } from './pdf.ts';
export { renderEvaluationDocx } from './docx.ts';
export { reportTitle } from './content.ts';
export { reportCharts, radarChart, componentBars, historyLine } from './charts.ts';
export { svgToPng, svgToPngAsync } from './raster.ts';
export { formatScore, formatDelta, formatWeight } from './format.ts';
export { kukar2023Report } from './fixture.ts';

/** File name for a download, e.g. "laporan-evaluasi-64.02-2023.pdf". */
export function reportFileName(data: { region: { code: string }; year: number }, ext: 'pdf' | 'docx'): string {
  return `laporan-evaluasi-${data.region.code}-${data.year}.${ext}`;
}

export const REPORT_MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
