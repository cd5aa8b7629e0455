/** `pilar reminders run` as a separate process against the test database and a local SMTP server. */
import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { runPilarAsync } from '../../../../test/support/cli.ts';
import { reportingPeriods } from '../schema.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

let database: TestDatabase;
let sink: SmtpSink;

/** Runs the real bin (async: the SMTP server in this process must keep answering). */
const pilar = (...args: string[]) => runPilarAsync(database, args, { PILAR_SMTP_URL: sink.url, PILAR_MAIL_FROM: 'Pilar <pilar@example.id>', PILAR_PUBLIC_URL: 'https://pilar.example' });

beforeAll(async () => {
  database = await testDatabase();
  sink = await startSmtpSink();
  await database.db.update(reportingPeriods).set({ closedAt: new Date() }).where(isNull(reportingPeriods.closedAt));
  await database.db.insert(reportingPeriods).values({
    regionCode: '64.02', year: 2025, kind: 'semester', seq: 2, label: '2025 S2', startsOn: '2025-07-01', endsOn: '2025-12-31', dueOn: '2026-01-15', opensOn: '2025-07-01',
  }).onConflictDoUpdate({ target: [reportingPeriods.regionCode, reportingPeriods.kind, reportingPeriods.year, reportingPeriods.seq], set: { dueOn: '2026-01-15', closedAt: null } });
  await database.pause();
}, 120_000);

afterAll(async () => {
  await sink?.close();
  await database?.close();
});

describe('pilar reminders run', () => {
  test('sends the due reminders once, however often it runs; refuses a bad --now naming it', async () => {
    const first = await pilar('reminders', 'run', '--now', '2026-01-10T09:00:00+08:00');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/[1-9]\d* new notifications, [1-9]\d* e-mails sent, 0 failed/);
    const again = await pilar('reminders', 'run', '--now', '2026-01-10T10:00:00+08:00');
    expect(again.stdout).toContain('0 new notifications, 0 e-mails sent');
    const toOfficer = sink.mails.filter((m) => m.to.includes('opd.kukar@demo.pilar.id'));
    expect(toOfficer).toHaveLength(1);
    expect(toOfficer[0]!.subject).toContain('2025 S2');
    expect(toOfficer[0]!.text).toContain('https://pilar.example/admin');

    const bad = await pilar('reminders', 'run', '--now', 'besok');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--now');
    expect(bad.stderr).toContain('not an ISO 8601 date-time');
  });
});
