/**
 * Reminders end to end: the job over the demo database, e-mails through a real local SMTP
 * server (smtp-server) read back and counted, the in-app list over the API.
 */
import { and, eq, inArray, isNull, lte, gte } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { apiHarness, type Harness } from '../../../../test/support/api.ts';
import { createMailer, type Mailer } from '../../../core/mail.ts';
import { users } from '../../accounts/schema.ts';
import { programs } from '../../masterplan/schema.ts';
import { progressReports, reportingPeriods } from '../schema.ts';
import { runReminders } from './job.ts';
import { notifications } from './schema.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const KUKAR = '64.02';
const OFFICER = 'opd.kukar@demo.pilar.id';
const COORDINATOR = 'koordinator.kukar@demo.pilar.id';
const DUE = '2025-11-30';
/** Instants in WITA (UTC+8), the time zone of Kalimantan Timur. */
const at = (localDate: string, time = '09:00') => new Date(`${localDate}T${time}:00+08:00`);

let h: Harness;
let sink: SmtpSink;
let mailer: Mailer;
let periodId: string;
let officerPrograms: { id: string; code: string; title: string }[];
let wonders: { id: string; code: string; title: string };
let approvedProgram: { id: string; code: string; title: string };

async function run(now: Date) {
  return runReminders(h.database.db, { now, mailer, publicUrl: 'https://pilar.example' });
}

const mailsTo = (email: string) => sink.mails.filter((m) => m.to.includes(email));

beforeAll(async () => {
  h = await apiHarness();
  sink = await startSmtpSink();
  mailer = createMailer({ url: sink.url, from: 'Pilar <pilar@example.id>' }, { info: () => {} });
  const db = h.database.db;
  // Only the period of this test is open: other (demo) periods must not add reminders.
  await db.update(reportingPeriods).set({ closedAt: new Date() }).where(isNull(reportingPeriods.closedAt));
  await db.delete(reportingPeriods).where(and(eq(reportingPeriods.regionCode, KUKAR), eq(reportingPeriods.kind, 'monthly'), eq(reportingPeriods.year, 2025), eq(reportingPeriods.seq, 11)));
  [{ id: periodId }] = await db.insert(reportingPeriods).values({
    regionCode: KUKAR, year: 2025, kind: 'monthly', seq: 11, label: '2025 November',
    startsOn: '2025-11-01', endsOn: '2025-11-30', dueOn: DUE, opensOn: '2025-11-01',
  }).returning({ id: reportingPeriods.id }) as [{ id: string }];
  const [officer] = await db.select().from(users).where(eq(users.email, OFFICER));
  officerPrograms = await db.select({ id: programs.id, code: programs.code, title: programs.title }).from(programs)
    .where(and(eq(programs.leadOpdId, officer!.opdId!), eq(programs.published, true), lte(programs.startYear, 2025), gte(programs.endYear, 2025)));
  wonders = officerPrograms.find((p) => p.title === 'Kukar Asia Wonders')!;
  expect(wonders, 'Kukar Asia Wonders is led by the officer\'s OPD').toBeDefined();
  // Another program of the officer's OPD (or, if it has only one, of another OPD) is already approved.
  const [other] = await db.select({ id: programs.id, code: programs.code, title: programs.title, leadOpdId: programs.leadOpdId }).from(programs)
    .where(and(eq(programs.regionCode, KUKAR), eq(programs.published, true), lte(programs.startYear, 2025), gte(programs.endYear, 2025)))
    .then((rows) => rows.filter((r) => r.id !== wonders.id).sort((a, b) => Number(b.leadOpdId === officer!.opdId) - Number(a.leadOpdId === officer!.opdId)));
  approvedProgram = other!;
  await db.insert(progressReports).values({ programId: approvedProgram.id, periodId, regionCode: KUKAR, opdId: other!.leadOpdId, status: 'approved', physicalPct: 50, approvedAt: new Date() });
}, 120_000);

afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await h?.close();
});

beforeEach(() => {
  sink.mails.length = 0;
});

describe('reminder e-mails', () => {
  test('seven days before the due date: the officer gets one mail naming period and program; a second run sends nothing', async () => {
    const first = await run(at('2025-11-24'));
    expect(first.mailsFailed).toBe(0);
    const second = await run(at('2025-11-24', '10:00'));
    expect(second.created).toBe(0);
    expect(second.mailsSent).toBe(0);

    const toOfficer = mailsTo(OFFICER);
    expect(toOfficer).toHaveLength(1);
    const mail = toOfficer[0]!;
    expect(mail.subject).toBe('Pengingat: laporan kemajuan 2025 November jatuh tempo 30 November 2025 / Reminder: progress report 2025 November due 30 November 2025');
    expect(mail.from).toBe('pilar@example.id');
    expect(mail.text).toContain(`${wonders.code} Kukar Asia Wonders`);
    expect(mail.text).toContain('-- English --');
    expect(mail.html).toContain('Kukar Asia Wonders');
    expect(mail.text).toContain('https://pilar.example/admin/wilayah/64.02/isian-cepat');
    expect(mail.html).toContain('href="https://pilar.example/admin/wilayah/64.02/isian-cepat"');
    expect(mail.text, 'an approved report is not reminded of').not.toContain(approvedProgram.title);
    // Before the due date the coordinator is not bothered, and other regions hear nothing.
    expect(mailsTo(COORDINATOR)).toHaveLength(0);
    expect(sink.mails.every((m) => m.to.every((t) => t.endsWith('@demo.pilar.id') && !/\.(paser|ppu|kubar)@/.test(t)))).toBe(true);
    for (const m of sink.mails) expect(m.to).toHaveLength(1);
  });

  test('the day before: one more reminder ("before-1"), once', async () => {
    await run(at('2025-11-29', '08:00'));
    await run(at('2025-11-29', '20:00'));
    const toOfficer = mailsTo(OFFICER);
    expect(toOfficer).toHaveLength(1);
    expect(toOfficer[0]!.text).toContain('Kukar Asia Wonders');
    expect(mailsTo(COORDINATOR)).toHaveLength(0);
  });

  test('after the missed due date: officer and coordinator each get one "overdue" mail naming the program', async () => {
    // Still 30 November in Kalimantan Timur at 23:00 WITA: not overdue yet.
    await run(at('2025-11-30', '23:00'));
    expect(sink.mails).toHaveLength(0);
    await run(at('2025-12-02'));
    await run(at('2025-12-03'));
    for (const who of [OFFICER, COORDINATOR]) {
      const got = mailsTo(who);
      expect(got, who).toHaveLength(1);
      expect(got[0]!.subject).toContain('Terlambat: laporan kemajuan 2025 November');
      expect(got[0]!.subject).toContain('Overdue: progress report 2025 November');
      expect(got[0]!.text).toContain(`${wonders.code} Kukar Asia Wonders`);
      expect(got[0]!.text).not.toContain(approvedProgram.title);
    }
    const coordinatorMail = mailsTo(COORDINATOR)[0]!;
    expect(coordinatorMail.text).toContain('https://pilar.example/admin/wilayah/64.02/monitoring');
    // The coordinator hears of every late program of the region, the officer only of their own.
    expect(coordinatorMail.text.split('\n').filter((l) => l.startsWith('  - ')).length)
      .toBeGreaterThan(mailsTo(OFFICER)[0]!.text.split('\n').filter((l) => l.startsWith('  - ')).length);
    expect(sink.mails.every((m) => !/\.(paser|ppu|kubar)@/.test(m.to[0]!))).toBe(true);
  });

  test('a returned report notifies its officer once per return, with the reviewer\'s comment', async () => {
    const db = h.database.db;
    const [officer] = await db.select().from(users).where(eq(users.email, OFFICER));
    const [report] = await db.insert(progressReports).values({
      programId: wonders.id, periodId, regionCode: KUKAR, opdId: officer!.opdId!, status: 'returned', version: 3, reviewComment: 'Foto bukti <kurang> & buram',
    }).returning();
    await run(at('2025-12-04'));
    await run(at('2025-12-04', '11:00'));
    const got = mailsTo(OFFICER);
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe('Laporan kemajuan 2025 November dikembalikan / Progress report 2025 November returned');
    expect(got[0]!.text).toContain('Foto bukti <kurang> & buram');
    expect(got[0]!.text).toContain(`https://pilar.example/admin/laporan/${report!.id}`);
    // Text from people is escaped in the HTML part.
    expect(got[0]!.html).toContain('Foto bukti &lt;kurang&gt; &amp; buram');
    expect(got[0]!.html).not.toContain('<kurang>');
    expect(mailsTo(COORDINATOR)).toHaveLength(0);
    // Returned again after a resubmission: a new reminder.
    await db.update(progressReports).set({ version: 5 }).where(eq(progressReports.id, report!.id));
    await run(at('2025-12-05'));
    expect(mailsTo(OFFICER)).toHaveLength(2);
    // Approved: no more reminders of any kind for it.
    await db.update(progressReports).set({ status: 'approved', version: 6 }).where(eq(progressReports.id, report!.id));
    sink.mails.length = 0;
    await run(at('2025-12-20'));
    expect(sink.mails).toHaveLength(0);
  });

  test('a mail the SMTP server refuses is recorded as failed and sent on the next run, once', async () => {
    const db = h.database.db;
    const [p2] = await db.insert(reportingPeriods).values({
      regionCode: KUKAR, year: 2025, kind: 'monthly', seq: 12, label: '2025 Desember',
      startsOn: '2025-12-01', endsOn: '2025-12-31', dueOn: '2026-01-15', opensOn: '2025-12-01',
    }).onConflictDoUpdate({ target: [reportingPeriods.regionCode, reportingPeriods.kind, reportingPeriods.year, reportingPeriods.seq], set: { dueOn: '2026-01-15', closedAt: null } }).returning();
    sink.failNext(1);
    const first = await run(at('2026-01-10'));
    expect(first.mailsFailed).toBe(1);
    expect(sink.mails).toHaveLength(0);
    const failed = await db.select().from(notifications).where(and(eq(notifications.periodId, p2!.id), eq(notifications.emailStatus, 'failed')));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.emailError).toContain('temporarily unavailable');
    const second = await run(at('2026-01-10', '10:00'));
    expect(second.mailsSent).toBe(1);
    await run(at('2026-01-10', '11:00'));
    expect(mailsTo(OFFICER)).toHaveLength(1);
    expect(mailsTo(OFFICER)[0]!.subject).toContain('2025 Desember');
    const states = await db.select({ s: notifications.emailStatus }).from(notifications).where(eq(notifications.periodId, p2!.id));
    expect(new Set(states.map((x) => x.s))).toEqual(new Set(['sent']));
    await db.update(reportingPeriods).set({ closedAt: new Date() }).where(eq(reportingPeriods.id, p2!.id));
  });

  test('without SMTP the reminders are still recorded in-app, marked "disabled"', async () => {
    const db = h.database.db;
    const before = await db.select({ id: notifications.id }).from(notifications);
    const [p3] = await db.insert(reportingPeriods).values({
      regionCode: KUKAR, year: 2025, kind: 'semester', seq: 2, label: '2025 S2', startsOn: '2025-07-01', endsOn: '2025-12-31', dueOn: '2026-01-20', opensOn: '2025-07-01',
    }).onConflictDoUpdate({ target: [reportingPeriods.regionCode, reportingPeriods.kind, reportingPeriods.year, reportingPeriods.seq], set: { dueOn: '2026-01-20', closedAt: null } }).returning();
    const off = createMailer({ url: undefined, from: 'x' }, { info: () => {} });
    const r = await runReminders(db, { now: at('2026-01-19'), mailer: off });
    expect(r.created).toBeGreaterThan(0);
    expect(r.notMailed).toBe(r.created);
    const rows = await db.select().from(notifications).where(eq(notifications.periodId, p3!.id));
    expect(rows.every((n) => n.emailStatus === 'disabled')).toBe(true);
    expect((await db.select({ id: notifications.id }).from(notifications)).length).toBe(before.length + rows.length);
    await db.update(reportingPeriods).set({ closedAt: new Date() }).where(eq(reportingPeriods.id, p3!.id));
  });
});

describe('in-app notifications', () => {
  test('the officer sees their reminders newest first, marks one and then all read; nobody else can', async () => {
    const officer = await h.as(OFFICER);
    const list = await officer.get('/api/me/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBeGreaterThan(0);
    const items = list.body.items as { id: string; kind: string; title: { id: string; en: string }; body: { id: string; en: string }; createdAt: string; readAt: string | null }[];
    expect(items.some((n) => n.kind === 'report_due' && n.body.id.includes('Kukar Asia Wonders') && n.title.en.includes('2025 November'))).toBe(true);
    expect(items.some((n) => n.kind === 'report_returned')).toBe(true);
    expect([...items].map((n) => n.createdAt)).toEqual([...items].map((n) => n.createdAt).sort().reverse());

    const coordinator = await h.as(COORDINATOR);
    expect((await coordinator.post(`/api/me/notifications/${items[0]!.id}/read`)).status).toBe(404);
    const paser = await h.as('opd.paser@demo.pilar.id');
    expect((await paser.get('/api/me/notifications')).body.items).toEqual([]);

    const one = await officer.post(`/api/me/notifications/${items[0]!.id}/read`);
    expect(one.status).toBe(200);
    const after = await officer.get('/api/me/notifications');
    expect(after.body.unread).toBe(list.body.unread - 1);
    expect(after.body.items.find((n: { id: string }) => n.id === items[0]!.id).readAt).not.toBeNull();
    expect((await officer.post('/api/me/notifications/read-all')).body.marked).toBe(list.body.unread - 1);
    expect((await officer.get('/api/me/notifications?unread=1')).body).toEqual({ items: [], unread: 0 });

    expect((await h.client().get('/api/me/notifications')).status).toBe(401);
    const bad = await officer.get('/api/me/notifications?limit=5000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('query.limit');
  });
});
