/**
 * The one place that talks SMTP: nodemailer over the configured server. The sender (./mail-sender.ts) sees only
 * `MailTransport`, so its retry logic is the same whatever carries the mail.
 */
import { createTransport } from 'nodemailer';
import type { MailSettings } from './mail-settings.ts';

export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  /** A Chinese or English message: said in `Content-Language`. */
  readonly language: string;
  readonly attachments: readonly {
    readonly filename: string;
    readonly contentType: string;
    readonly content: Uint8Array;
  }[];
}

export interface MailTransport {
  /** Hands the mail to the SMTP server; resolves to its message id. Rejects when the server cannot be reached or refuses it. */
  send(mail: OutgoingMail): Promise<{ readonly messageId: string | null }>;
  /** Closes pooled connections. */
  close(): void;
}

/** How long to wait for the SMTP server before the attempt fails (and is retried later). */
const TIMEOUT_MS = 20_000;

/**
 * A transport over the SMTP server of `settings`: `starttls` requires the upgrade (no plain-text fallback),
 * `tls` connects with TLS, `none` never uses TLS (a relay on the same host, a test server).
 *
 * @example const transport = smtpTransport({ host: 'smtp.hospital.example', port: 587, security: 'starttls', from: 'bsc@hospital.example' });
 */
export function smtpTransport(settings: MailSettings): MailTransport {
  const transporter = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    ...(settings.user === undefined ? {} : { auth: { user: settings.user, pass: settings.password ?? '' } }),
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === null ? {} : { html: mail.html }),
        headers: { 'Content-Language': mail.language },
        attachments: mail.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: Buffer.from(attachment.content),
        })),
      });
      const messageId: unknown = info.messageId;
      return { messageId: typeof messageId === 'string' ? messageId : null };
    },
    close() {
      transporter.close();
    },
  };
}
