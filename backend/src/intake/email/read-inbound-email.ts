import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { IntakeLead } from '../intake-lead.js';

/** An email the dealership's inbox forwarded: an ADF lead inside it, or a customer's own message. */
export type InboundEmail = { kind: 'adf'; xml: string } | { kind: 'message'; lead: IntakeLead };

/** How much of an email's text is kept with the request. */
const MAX_TEXT = 5000;

/**
 * Reads a raw email (RFC 822 / MIME, as mail providers' inbound webhooks and mail servers
 * forward it). Lead providers send ADF/XML as an attachment or as the body; anything else is a
 * customer writing to the dealership, recognised by the Reply-To or From address.
 */
export async function readInboundEmail(raw: string): Promise<InboundEmail> {
  const mail = await simpleParser(raw);
  const xml = adfAttachment(mail) ?? adfInText(mail.text ?? '');
  if (xml) return { kind: 'adf', xml };
  return { kind: 'message', lead: leadFromMessage(mail) };
}

function adfAttachment(mail: ParsedMail): string | null {
  for (const attachment of mail.attachments) {
    const looksXml = /xml/i.test(attachment.contentType) || /\.(xml|adf)$/i.test(attachment.filename ?? '');
    const content = looksXml ? attachment.content.toString('utf8') : '';
    if (content.toLowerCase().includes('<adf')) return content;
  }
  return null;
}

/** The ADF document pasted into a plain-text body, from its declaration (or `<adf>`) to `</adf>`. */
function adfInText(text: string): string | null {
  const lower = text.toLowerCase();
  const root = lower.indexOf('<adf');
  const end = lower.lastIndexOf('</adf>');
  if (root < 0 || end < root) return null;
  const declaration = lower.lastIndexOf('<?xml', root);
  return text.slice(declaration >= 0 ? declaration : root, end + '</adf>'.length);
}

function leadFromMessage(mail: ParsedMail): IntakeLead {
  // Web forms and marketplaces often send from a no-reply address with the customer in Reply-To.
  const sender = firstAddress(mail.replyTo) ?? firstAddress(mail.from);
  const subject = mail.subject?.trim() || '(no subject)';
  const text = (mail.text ?? '').trim().slice(0, MAX_TEXT);
  return {
    kind: 'email',
    idempotencyKey: mail.messageId ? `email:${mail.messageId}` : null,
    contact: { name: sender?.name || null, phones: [], email: sender?.address ?? null },
    answeredBy: null,
    dealType: 'internet_lead',
    vehicleInterest: null,
    amount: null,
    sourceName: null,
    summary: `Email: ${subject}`,
    payload: { messageId: mail.messageId ?? null, subject, from: mail.from?.text ?? null, replyTo: mail.replyTo?.text ?? null, date: mail.date?.toISOString() ?? null, text },
  };
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): { name: string; address: string } | null {
  const addresses = (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value);
  const found = addresses.find((address) => address.address);
  return found ? { name: found.name.trim(), address: found.address! } : null;
}
