import { z } from 'zod';
import type { RoutesPlugin } from '../../../core/http.ts';
import { createMailer, mailConfig } from '../../../core/mail.ts';
import { requireActor } from '../../accounts/http-auth.ts';
import { listNotifications, markAllRead, markRead } from './inbox.ts';
import { startReminderSchedule, scheduleConfig } from './schedule.ts';

/** In-app notifications of the caller, and the hourly reminder job while the server listens. */
export const reminderRoutes: RoutesPlugin = (app, { database }) => {
  const db = database.db;
  const tags = ['monitoring'];
  app.get('/me/notifications', {
    schema: { tags, summary: 'The caller\'s notifications (newest first) and the unread count', querystring: z.object({ unread: z.string().optional(), limit: z.string().optional() }) },
  }, (req) => listNotifications(db, requireActor(req), req.query));
  app.post('/me/notifications/:id/read', { schema: { tags, summary: 'Mark one notification read', params: z.object({ id: z.string().max(60) }) } },
    (req) => markRead(db, requireActor(req), req.params.id, req.ip));
  app.post('/me/notifications/read-all', { schema: { tags, summary: 'Mark all of the caller\'s notifications read' } },
    (req) => markAllRead(db, requireActor(req), req.ip));

  const schedule = scheduleConfig();
  if (schedule.everyMinutes > 0) {
    let stop: (() => Promise<void>) | undefined;
    app.addHook('onListen', async () => {
      const mailer = createMailer(mailConfig(), app.log);
      stop = startReminderSchedule(db, { mailer, publicUrl: schedule.publicUrl, everyMinutes: schedule.everyMinutes, log: app.log });
    });
    app.addHook('onClose', async () => {
      await stop?.();
    });
  }
};
