/**
 * Evaluation report benchmark (issue 7): time to render the PDF and the DOCX of the Kukar 2023
 * fixture (30 indicators, three charts). The first run (font loading, module warm-up) is
 * reported apart from the median of the following runs. Called from bench/run.ts;
 * `npx tsx bench/evaluation-report.ts` runs it on its own.
 */
import { renderEvaluationDocx } from '../src/modules/evaluation/report/docx.ts';
import { kukar2023Report } from '../src/modules/evaluation/report/fixture.ts';
import { renderEvaluationPdf } from '../src/modules/evaluation/report/pdf.ts';

async function time(render: () => Promise<Buffer>, runs: number) {
  let t = performance.now();
  const first = await render();
  const firstMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await render();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { firstMs, medianMs: times[Math.floor(times.length / 2)]!, bytes: first.length };
}

export async function benchEvaluationReport(log: (line: string) => void, runs = 5) {
  const data = kukar2023Report();
  for (const [label, render] of [['PDF ', () => renderEvaluationPdf(data)], ['DOCX', () => renderEvaluationDocx(data)]] as const) {
    const r = await time(render, runs);
    log(`evaluation report ${label}: first ${r.firstMs.toFixed(0)} ms, median ${r.medianMs.toFixed(0)} ms of ${runs} (${(r.bytes / 1024).toFixed(0)} KB; Kukar 2023 fixture, 30 indicators, 3 charts)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEvaluationReport((line) => console.log(line));
