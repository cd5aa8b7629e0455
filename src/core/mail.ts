import nodemailer from 'nodemailer';
import type { Bilingual } from './errors.ts';

/**
 * Outgoing e-mail over SMTP, configured by the environment:
 *   PILAR_SMTP_URL   smtp://user:pass@host:port (smtps:// for implicit TLS); unset = mail disabled
 *   PILAR_MAIL_FROM  sender, e.g. "Pilar <pilar@kukarkab.go.id>" (default pilar@localhost)
 * When mail is disabled every message is logged (recipients and subject, never the body) and
 * counted as not sent, so in-app notifications still work on a machine without SMTP.
 */
export interface MailConfig {
  url: string | undefined;
  from: string;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  return { url: env.PILAR_SMTP_URL || undefined, from: env.PILAR_MAIL_FROM || 'Pilar <pilar@localhost>' };
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export type SendResult = { sent: true; messageId: string } | { sent: false; reason: 'disabled' };

export interface Mailer {
  readonly enabled: boolean;
  /** Sends one message; throws when the SMTP server refuses it or cannot be reached. */
  send(message: MailMessage): Promise<SendResult>;
  close(): void;
}

type Log = { info(obj: object, msg: string): void };
const consoleLog: Log = { info: (obj, msg) => console.log(JSON.stringify({ msg, ...obj })) };

/** A mailer for the given configuration (disabled when there is no SMTP URL). */
export function createMailer(config: MailConfig = mailConfig(), log: Log = consoleLog): Mailer {
  if (!config.url) {
    return {
      enabled: false,
      async send(m) {
        log.info({ to: m.to, subject: m.subject }, 'mail disabled (PILAR_SMTP_URL unset): not sent');
        return { sent: false, reason: 'disabled' };
      },
      close() {},
    };
  }
  // nodemailer reads TLS and auth options from the URL (e.g. ?tls.rejectUnauthorized=false).
  const transport = nodemailer.createTransport(config.url);
  return {
    enabled: true,
    async send(m) {
      const info = await transport.sendMail({ from: config.from, to: m.to, subject: oneLine(m.subject), text: m.text, html: m.html });
      return { sent: true, messageId: String(info.messageId ?? '') };
    },
    close() {
      transport.close();
    },
  };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Header values must not carry line breaks (header injection). */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

/** One paragraph of a mail: plain text, or a list of items. */
export type MailBlock = string | { list: string[] };

export interface BilingualMail {
  subject: Bilingual;
  /** Paragraphs in Indonesian and in English; every string is user-facing text, escaped for HTML here. */
  body: { id: MailBlock[]; en: MailBlock[] };
  /** A link to the page where the reader acts (absolute URL), shown in both parts. */
  link?: { url: string; label: Bilingual };
}

/**
 * A mail in Bahasa Indonesia first and English second, as plain text and simple HTML.
 * All content (program titles, names) is escaped; only this function writes markup.
 */
export function bilingualMail(to: string[], mail: BilingualMail): MailMessage {
  const subject = oneLine(`${mail.subject.id} / ${mail.subject.en}`);
  const part = (lang: 'id' | 'en') => {
    const blocks = mail.body[lang];
    const text = blocks.map((b) => (typeof b === 'string' ? b : b.list.map((i) => `  - ${i}`).join('\n')));
    const html = blocks.map((b) => (typeof b === 'string'
      ? `<p>${escapeHtml(b)}</p>`
      : `<ul>${b.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`));
    if (mail.link) {
      text.push(`${mail.link.label[lang]}: ${mail.link.url}`);
      html.push(`<p><a href="${escapeHtml(mail.link.url)}">${escapeHtml(mail.link.label[lang])}</a></p>`);
    }
    return { text: text.join('\n\n'), html: html.join('\n') };
  };
  const id = part('id');
  const en = part('en');
  return {
    to,
    subject,
    text: `${id.text}\n\n-- English --\n\n${en.text}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">\n<div lang="id">\n${id.html}\n</div>\n<hr>\n<div lang="en">\n${en.html}\n</div>\n</body></html>\n`,
  };
}
