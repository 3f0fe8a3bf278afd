/**
 * How the server reaches its SMTP server (`HEALTHBSC_SMTP_*`, read by ../config.ts). No host: e-mail is off,
 * and the outbox notes each mail as `not-configured` instead of sending it.
 */

/** `starttls`: plain connection upgraded with STARTTLS, required (port 587); `tls`: TLS from the start (465); `none`: no TLS (a relay on the same machine or a test server). */
export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

export interface MailSettings {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  /** Absent: the server sends without authenticating. */
  readonly user?: string;
  readonly password?: string;
  /** The From header: `bsc@hospital.example` or `HealthBSC <bsc@hospital.example>`. */
  readonly from: string;
}

/** The port each security mode usually listens on, when `HEALTHBSC_SMTP_PORT` is not set. */
export const DEFAULT_SMTP_PORT: Readonly<Record<SmtpSecurity, number>> = {
  starttls: 587,
  tls: 465,
  none: 25,
};

/** A bare address, or a display name followed by one in angle brackets. */
export const FROM_ADDRESS = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;
