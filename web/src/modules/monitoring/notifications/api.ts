import { apiWrite, getJson } from '../../../core/api/client.ts';

export type Bi = { id: string; en: string };
export type Notification = {
  id: string; kind: 'report_due' | 'report_overdue' | 'report_returned'; stage: string; title: Bi; body: Bi; link: string | null;
  regionCode: string; periodId: string | null; programId: string | null; reportId: string | null;
  createdAt: string; readAt: string | null; emailStatus: 'pending' | 'sending' | 'sent' | 'failed' | 'disabled' | 'none';
};
export type NotificationList = { items: Notification[]; unread: number };

/** Other parts of the page (the bell) listen for this after a change. */
export const CHANGED = 'pilar:notifications-changed';
const changed = () => window.dispatchEvent(new Event(CHANGED));

export const listNotifications = (limit = 50) => getJson<NotificationList>(`/api/me/notifications?limit=${limit}`);
export const unreadCount = async () => (await getJson<NotificationList>('/api/me/notifications?unread=1&limit=1')).unread;
export async function markRead(id: string) {
  await apiWrite('POST', `/api/me/notifications/${encodeURIComponent(id)}/read`);
  changed();
}
export async function markAllRead() {
  await apiWrite('POST', '/api/me/notifications/read-all');
  changed();
}
