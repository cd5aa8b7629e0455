/**
 * The words of reminders: in-app titles and bodies, and the e-mail that gathers one person's
 * reminders of one kind and period. Pure functions; program titles are escaped by bilingualMail.
 */
import type { Bilingual } from '../../../core/errors.ts';
import { bilingualMail, type MailMessage } from '../../../core/mail.ts';
import type { NotificationKind } from './schema.ts';

export interface ReminderFacts {
  kind: NotificationKind;
  periodLabel: string;
  dueOn: string;
  programCode: string;
  programTitle: string;
  comment?: string | null;
}

/** "15 April 2026" / "15 April 2026" from YYYY-MM-DD, independent of the server's time zone. */
export function formatDue(dueOn: string, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${dueOn}T00:00:00Z`));
}

const program = (f: { programCode: string; programTitle: string }) => `${f.programCode} ${f.programTitle}`;

export function notificationText(f: ReminderFacts): { title: Bilingual; body: Bilingual } {
  const due = { id: formatDue(f.dueOn, 'id'), en: formatDue(f.dueOn, 'en') };
  switch (f.kind) {
    case 'report_due':
      return {
        title: { id: `Laporan ${f.periodLabel} jatuh tempo ${due.id}`, en: `Report ${f.periodLabel} due ${due.en}` },
        body: {
          id: `Laporan kemajuan program ${program(f)} untuk periode ${f.periodLabel} belum dikirim. Batas waktu: ${due.id}.`,
          en: `The progress report of program ${program(f)} for period ${f.periodLabel} has not been submitted yet. Due: ${due.en}.`,
        },
      };
    case 'report_overdue':
      return {
        title: { id: `Laporan ${f.periodLabel} terlambat`, en: `Report ${f.periodLabel} overdue` },
        body: {
          id: `Laporan kemajuan program ${program(f)} untuk periode ${f.periodLabel} melewati batas waktu ${due.id} dan belum dikirim.`,
          en: `The progress report of program ${program(f)} for period ${f.periodLabel} missed its due date of ${due.en} and has not been submitted.`,
        },
      };
    case 'report_returned':
      return {
        title: { id: `Laporan ${f.periodLabel} dikembalikan`, en: `Report ${f.periodLabel} returned` },
        body: {
          id: `Laporan kemajuan program ${program(f)} (${f.periodLabel}) dikembalikan untuk diperbaiki.${f.comment ? ` Catatan: ${f.comment}` : ''}`,
          en: `The progress report of program ${program(f)} (${f.periodLabel}) was returned for correction.${f.comment ? ` Comment: ${f.comment}` : ''}`,
        },
      };
  }
}

/** One e-mail for one person listing the programs of one reminder kind and period. */
export function reminderMail(to: string, kind: NotificationKind, periodLabel: string, dueOn: string, programs: { programCode: string; programTitle: string; comment?: string | null }[], link: string): MailMessage {
  const due = { id: formatDue(dueOn, 'id'), en: formatDue(dueOn, 'en') };
  const list = programs.map((p) => program(p) + (p.comment ? ` — ${p.comment}` : ''));
  const subject: Record<NotificationKind, Bilingual> = {
    report_due: { id: `Pengingat: laporan kemajuan ${periodLabel} jatuh tempo ${due.id}`, en: `Reminder: progress report ${periodLabel} due ${due.en}` },
    report_overdue: { id: `Terlambat: laporan kemajuan ${periodLabel} (batas ${due.id})`, en: `Overdue: progress report ${periodLabel} (due ${due.en})` },
    report_returned: { id: `Laporan kemajuan ${periodLabel} dikembalikan`, en: `Progress report ${periodLabel} returned` },
  };
  const intro: Record<NotificationKind, Bilingual> = {
    report_due: {
      id: `Laporan kemajuan periode ${periodLabel} untuk program berikut belum dikirim. Batas waktunya ${due.id}.`,
      en: `The progress reports of period ${periodLabel} for the following programs have not been submitted. They are due on ${due.en}.`,
    },
    report_overdue: {
      id: `Batas waktu laporan kemajuan periode ${periodLabel} (${due.id}) sudah lewat; laporan program berikut belum dikirim.`,
      en: `The due date of the progress reports of period ${periodLabel} (${due.en}) has passed; the reports of the following programs have not been submitted.`,
    },
    report_returned: {
      id: `Laporan kemajuan periode ${periodLabel} untuk program berikut dikembalikan oleh peninjau untuk diperbaiki.`,
      en: `The progress reports of period ${periodLabel} for the following programs were returned by the reviewer for correction.`,
    },
  };
  return bilingualMail([to], {
    subject: subject[kind],
    body: {
      id: [intro[kind].id, { list }, 'Pesan ini dikirim otomatis oleh Pilar.'],
      en: [intro[kind].en, { list }, 'This message was sent automatically by Pilar.'],
    },
    link: { url: link, label: { id: 'Buka konsol Pilar', en: 'Open the Pilar console' } },
  });
}
