import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport } from 'nodemailer';
import type { AppEnvironment } from '../config/env.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

/** Thrown when the mail server could not be reached or refused the email; `reason` is for people. */
export class MailDeliveryError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Email over SMTP with nodemailer. SMTP_URL is read on every send (unset: there is no mail
 * server, and messages wait in the outbox), so turning email on needs no other change.
 */
@Injectable()
export class Mailer {
  constructor(private readonly config: ConfigService<AppEnvironment, true>) {}

  smtpUrl(): string | undefined {
    return this.config.get('SMTP_URL', { infer: true }) || undefined;
  }

  async send(smtpUrl: string, mail: OutgoingMail): Promise<void> {
    let transport: ReturnType<typeof createTransport> | undefined;
    try {
      // Settings in the URL's query (e.g. ?connectionTimeout=5000) win over these.
      transport = createTransport({
        url: smtpUrl,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
        // Everything we attach is in memory; nothing in a message may make nodemailer read files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      await transport.sendMail({ from: this.config.get('MAIL_FROM', { infer: true }), ...mail });
    } catch (error) {
      throw new MailDeliveryError(describeMailError(error, mail.to));
    } finally {
      transport?.close();
    }
  }
}

/** nodemailer's error as a sentence that says whose problem it is and what to check. */
function describeMailError(error: unknown, to: string): string {
  const { code, response, message } = error as { code?: string; response?: string; message?: string };
  const said = response ? `: ${response}` : message ? ` (${message})` : '';
  switch (code) {
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'ESOCKET':
    case 'EDNS':
    case 'ETLS':
    case 'EPROXY':
      return `The mail server could not be reached${said}; check SMTP_URL and that the server is up`;
    case 'EAUTH':
    case 'ENOAUTH':
      return `The mail server refused the login${said}; check the user and password in SMTP_URL`;
    case 'EENVELOPE':
      return `The mail server refused the address ${to}${said}; check the address`;
    case 'EMESSAGE':
      return `The mail server refused the email${said}`;
    case 'ECONFIG':
      return `SMTP_URL is not a usable mail server address${said}`;
    default:
      return `Sending failed${said}`;
  }
}
