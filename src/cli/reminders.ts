import type { Command } from 'commander';
import type { Database } from '../core/db.ts';
import { invalid } from '../core/errors.ts';
import { createMailer, mailConfig } from '../core/mail.ts';
import { runAndRecord, scheduleConfig } from '../modules/monitoring/reminders/schedule.ts';

type WithDatabase = <T>(fn: (d: Database) => Promise<T>) => Promise<T>;

/** `pilar reminders run [--now ISO] [--region CODE]`: the reminder job once (cron, or to catch up). */
export function registerReminderCommands(program: Command, withDatabase: WithDatabase): void {
  const reminders = program.command('reminders').description('report reminders (in-app and e-mail)');
  reminders.command('run').description('decide and send due reminders now; running it twice sends nothing twice')
    .option('--now <iso>', 'decide as if it were this moment, e.g. 2026-04-08T09:00:00+08:00')
    .option('--region <code>', 'only this regency/city, e.g. 64.02')
    .action((o: { now?: string; region?: string }) => withDatabase(async (d) => {
      const now = o.now ? new Date(o.now) : new Date();
      if (Number.isNaN(now.getTime())) throw invalid('--now', { id: 'bukan tanggal-waktu ISO 8601', en: 'not an ISO 8601 date-time' });
      if (o.region && !/^\d{2}\.\d{2}$/.test(o.region)) throw invalid('--region', { id: 'harus kode kabupaten/kota, mis. 64.02', en: 'must be a regency/city code, e.g. 64.02' });
      const config = mailConfig();
      const mailer = createMailer(config, { info: (obj, msg) => console.error(`${msg}: ${JSON.stringify(obj)}`) });
      try {
        const r = await runAndRecord(d.db, { mailer, publicUrl: scheduleConfig().publicUrl, now, ...(o.region ? { regionCode: o.region } : {}) }, 'pilar reminders run');
        console.log(`reminders: ${r.periods} open periods, ${r.created} new notifications, ${r.mailsSent} e-mails sent, ${r.mailsFailed} failed (retried next run), ${r.notMailed} not e-mailed${config.url ? '' : ' (PILAR_SMTP_URL unset: mail disabled)'}`);
      } finally {
        mailer.close();
      }
    }));
}
