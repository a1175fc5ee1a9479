import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server on a free local port that keeps what it receives. Mail for an address at
 * `@refused.example` is refused at RCPT TO (550); while `refuseData` is set, every message is
 * refused after its DATA with that reply.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  refuseData: string | null = null;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpTestServer> {
    let instance: SmtpTestServer | undefined;
    const server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on localhost: no STARTTLS with a self-signed certificate for nodemailer to refuse.
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@refused.example')) return callback(withCode(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), 550));
        callback();
      },
      onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const refusal = instance!.refuseData;
          if (refusal) return callback(withCode(new Error(refusal), 554));
          simpleParser(Buffer.concat(chunks)).then(
            (parsed) => {
              instance!.received.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((recipient) => recipient.address),
                parsed,
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    instance = new SmtpTestServer(server, (server.server.address() as AddressInfo).port);
    return instance;
  }

  /** For SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The mails received for `address`. */
  mailsTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function withCode(error: Error, responseCode: number): Error {
  return Object.assign(error, { responseCode });
}
