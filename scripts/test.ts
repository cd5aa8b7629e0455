/**
 * `npm test`: builds the web app, starts a throwaway PostgreSQL, runs every test on PGlite
 * and on PostgreSQL (Vitest projects), stops PostgreSQL, and prints "N passed, N failed".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from './postgres.ts';

const root = path.resolve(import.meta.dirname, '..');
const extraArgs = process.argv.slice(2);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

if ((await run('npm', ['run', '--silent', 'build:web'])) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const pg = await startPostgres();
const cleanup = () => pg.stop();
process.on('SIGINT', () => { cleanup(); process.exit(130); });
const report = path.join(root, '.tmp/test/report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
let code: number;
try {
  code = await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs], {
    ...process.env, PILAR_TEST_PG_URL: pg.url,
  });
} finally {
  cleanup();
}
const r = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null;
const passed = r?.numPassedTests ?? 0;
const failed = (r?.numFailedTests ?? 0) + (r && r.numTotalTestSuites && !r.success && !r.numFailedTests ? 1 : 0);
const skipped = (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0);
console.log(`\ntests: ${passed} passed, ${failed || (code === 0 ? 0 : 1)} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code);
