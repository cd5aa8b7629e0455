/**
 * Runs the reminder job on a schedule inside the server: once shortly after start, then every
 * PILAR_REMINDERS_EVERY_MIN minutes (default 60; 0 turns it off). Off in tests unless the
 * variable is set. Several servers on one database are safe: the job never sends twice.
 */
import type { Db } from '../../../core/db.ts';
import type { Mailer } from '../../../core/mail.ts';
import { audit } from '../../accounts/audit.ts';
import { pruneReceipts } from '../bulk/service.ts';
import { runReminders, type RunResult } from './job.ts';

export function scheduleConfig(env: NodeJS.ProcessEnv = process.env) {
  const raw = env.PILAR_REMINDERS_EVERY_MIN;
  const fallback = env.VITEST ? 0 : 60;
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  return {
    everyMinutes: Number.isFinite(n) && n > 0 ? n : 0,
    publicUrl: env.PILAR_PUBLIC_URL || `http://localhost:${env.PORT ?? 3000}`,
  };
}

type Log = { info(o: object, m: string): void; error(o: object, m: string): void };

/** Runs the job once and records the run in the audit log (a system write). */
export async function runAndRecord(db: Db, opts: { mailer: Mailer; publicUrl: string; now?: Date; regionCode?: string }, label = 'reminders job'): Promise<RunResult> {
  const result = await runReminders(db, opts);
  // Housekeeping of the bulk grid rides along with the hourly job.
  await pruneReceipts(db);
  if (result.created || result.mailsSent || result.mailsFailed) {
    await audit(db, { actor: null, label, action: 'reminders.run', entityType: 'notification', regionCode: opts.regionCode ?? null, details: result });
  }
  return result;
}

export function startReminderSchedule(db: Db, opts: { mailer: Mailer; publicUrl: string; everyMinutes: number; log: Log }): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runAndRecord(db, opts)
      .then((r) => opts.log.info({ reminders: r }, 'reminders job done'), (err: unknown) => opts.log.error({ err }, 'reminders job failed'))
      .finally(() => { running = null; });
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, opts.everyMinutes * 60_000);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
    opts.mailer.close();
  };
}
