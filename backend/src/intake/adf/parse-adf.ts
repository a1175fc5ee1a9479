import { ALL_ENTITIES, COMMON_HTML, ENTITY_ACTION, EntityDecoder } from '@nodable/entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AdfAddress, AdfCustomer, AdfLead, AdfPhone, AdfPrice, AdfVehicle, AdfVehicleInterest } from './adf-lead.js';

/** The body is not an ADF/XML lead; the message says why (for malformed XML: the parser's reason and position). */
export class AdfParseError extends Error {
  override readonly name = 'AdfParseError';
}

/**
 * Reads an ADF/XML 1.0 document (Auto-lead Data Format, as sent by marketplaces, OEM sites and lead
 * providers) into one lead per `<prospect>`, in document order. Tolerates what real senders do:
 * no `<?xml?>` / `<?adf?>` declarations, a BOM, CRLF, tags in any case, HTML entities, unknown tags.
 * Throws AdfParseError for an empty body, malformed XML, and XML that is not ADF.
 */
export function parseAdf(xml: string): AdfLead[] {
  const { doc, skippedLines } = prepare(xml);
  if (doc === '') throw new AdfParseError('Empty ADF/XML document');

  const valid = XMLValidator.validate(doc);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = line ? ` (line ${line + skippedLines}${col ? `, col ${col}` : ''})` : '';
    throw new AdfParseError(`Malformed ADF/XML: ${msg}${where}`);
  }
  let parsed: unknown;
  try {
    parsed = xmlParser().parse(doc);
  } catch (error) {
    // What the validator lets through but the parser refuses, e.g. a DOCTYPE over the entity limits.
    throw new AdfParseError(`Malformed ADF/XML: ${error instanceof Error ? error.message : String(error)}`);
  }

  const top = isNode(parsed) ? parsed : {};
  const adf = all(top, 'adf');
  if (adf.length === 0) {
    const found = Object.keys(top).find((key) => key !== TEXT);
    throw new AdfParseError(`Not an ADF document: expected the root element <adf>${found ? `, found <${found}>` : ''}`);
  }
  const prospects = adf.flatMap((node) => all(node, 'prospect'));
  if (prospects.length === 0) throw new AdfParseError('Not an ADF lead: <adf> contains no <prospect>');
  return prospects.map(toLead);
}

/**
 * The document as the validator wants it: no BOM, XML line ends (CRLF and a lone CR read as LF, as
 * XML 1.0 §2.11 requires and fast-xml-parser does not do), no whitespace before `<?xml`. Counts the
 * lines skipped at the start so that error positions match the document as sent.
 */
function prepare(xml: string): { doc: string; skippedLines: number } {
  const body = (xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).replace(/\r\n?/g, '\n');
  const doc = body.trimStart();
  const skippedLines = body.slice(0, body.length - doc.length).split('\n').length - 1;
  return { doc: doc.trimEnd(), skippedLines };
}

function xmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    // Zip codes, phones, ids and stock numbers keep their leading zeros and stay strings.
    parseTagValue: false,
    parseAttributeValue: false,
    // Trimming is ours: the parser trims each text chunk, which glues text to a CDATA section.
    trimValues: false,
    // Every element is then an object, so text and attributes are read one way.
    alwaysCreateTextNode: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // ADF tags are lowercase; some senders write <ADF>, <Prospect>, Status="new".
    transformTagName: (tag) => tag.toLowerCase(),
    transformAttributeName: (name) => name.toLowerCase(),
    processEntities: true,
    // Senders escape text as HTML (&eacute;, &nbsp;): decode the HTML named entities, not only the 20
    // of `htmlEntities: true` (ALL_ENTITIES lacks &mdash; and &ndash;, which COMMON_HTML has).
    // Entities declared in a DOCTYPE are never expanded (no entity bombs); the parser refuses external ones.
    entityDecoder: new EntityDecoder({
      namedEntities: { ...COMMON_HTML, ...ALL_ENTITIES },
      numericAllowed: true,
      onInputEntity: () => ENTITY_ACTION.BLOCK,
    }),
  });
}

// --- Reading the parsed tree -----------------------------------------------------------------------

type XmlNode = Record<string, unknown>;
const TEXT = '#text';

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child elements named `tag`: fast-xml-parser gives one as an object, several as an array. */
function all(node: XmlNode | null, tag: string): XmlNode[] {
  const value = node?.[tag];
  return (Array.isArray(value) ? value : [value]).filter(isNode);
}

function first(node: XmlNode | null, tag: string): XmlNode | null {
  return all(node, tag)[0] ?? null;
}

/** The trimmed text of an element; null when it is absent or blank. */
function textOf(node: XmlNode | null): string | null {
  const text = node?.[TEXT];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

function text(node: XmlNode | null, tag: string): string | null {
  return textOf(first(node, tag));
}

/** Runs of whitespace (line breaks, &nbsp;) as one space: for one-line values such as names and models. */
function collapse(value: string | null): string | null {
  return value === null ? null : value.replace(/\s+/g, ' ');
}

function line(node: XmlNode | null, tag: string): string | null {
  return collapse(text(node, tag));
}

function attr(node: XmlNode | null, name: string): string | null {
  const value = node?.[`@${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** "27,995.00", "$27995", "23,500 mi" → the number; null when there is none ("Call for price"). */
function parseNumber(value: string | null): number | null {
  const digits = value?.replace(/[^\d.-]/g, '') ?? '';
  const number = Number(digits);
  return /\d/.test(digits) && Number.isFinite(number) ? number : null;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO-8601 and the sloppy forms senders use: a space for the T, no seconds, "-0500". Without an
 * offset the time is read as UTC: the sender's zone is unknown, and the server's zone would make the
 * result depend on where we run (which is also why Date.parse is not used). Anything else, or an
 * impossible date such as 0000-00-00, is null: a lead with a bad date is still a lead.
 */
function parseDate(value: string | null): Date | null {
  const match = value === null ? null : ISO_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone = 'Z'] = match;
  const date = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, Math.floor(Number(`0.${fraction}`) * 1000)));
  const exact =
    date.getUTCFullYear() === +year && date.getUTCMonth() === +month - 1 && date.getUTCDate() === +day;
  if (!exact || +hour > 23 || +minute > 59 || +second > 59) return null;
  return new Date(date.getTime() - offsetMinutes(zone) * 60_000);
}

/** "Z" → 0, "-05:00" / "-0500" / "-05" → -300. */
function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone.startsWith('-') ? -minutes : minutes;
}

// --- ADF elements -----------------------------------------------------------------------------------

function toLead(prospect: XmlNode): AdfLead {
  const id = all(prospect, 'id').find((node) => textOf(node) !== null) ?? null;
  const provider = first(prospect, 'provider');
  return {
    id: textOf(id),
    idSource: attr(id, 'source'),
    status: attr(prospect, 'status')?.toLowerCase() ?? null,
    requestDate: parseDate(text(prospect, 'requestdate')),
    vehicles: all(prospect, 'vehicle').map(toVehicle),
    customer: toCustomer(first(prospect, 'customer')),
    vendorName: line(first(prospect, 'vendor'), 'vendorname'),
    provider: provider && {
      name: personName(provider).name,
      service: line(provider, 'service'),
      url: text(provider, 'url'),
      email: text(provider, 'email'),
    },
  };
}

/** Keyed without case and separators: senders write "Trade-In", "tradein", "test_drive". */
const INTERESTS = new Map<string, AdfVehicleInterest>([
  ['buy', 'buy'],
  ['lease', 'lease'],
  ['sell', 'sell'],
  ['tradein', 'trade-in'],
  ['testdrive', 'test-drive'],
]);

function toVehicle(vehicle: XmlNode): AdfVehicle {
  const interest = (attr(vehicle, 'interest') ?? '').toLowerCase().replace(/[\s_-]/g, '');
  const status = attr(vehicle, 'status')?.toLowerCase();
  const yearText = text(vehicle, 'year');
  const year = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const make = line(vehicle, 'make');
  const model = line(vehicle, 'model');
  const trim = line(vehicle, 'trim');
  const odometer = first(vehicle, 'odometer');
  const distance = parseNumber(textOf(odometer));
  return {
    // ADF: a vehicle without `interest` is one the customer wants to buy.
    interest: INTERESTS.get(interest) ?? 'buy',
    status: status === 'new' || status === 'used' ? status : null,
    year,
    make,
    model,
    trim,
    vin: text(vehicle, 'vin')?.replace(/\s+/g, '').toUpperCase() ?? null,
    stock: text(vehicle, 'stock'),
    odometer: distance === null ? null : { value: distance, units: attr(odometer, 'units')?.toLowerCase() ?? null },
    // Several prices (msrp, asking, quote…) may be sent: the first one that is a number.
    price: all(vehicle, 'price').map(toPrice).find((price) => price !== null) ?? null,
    color: all(vehicle, 'colorcombination').map((combination) => line(combination, 'exteriorcolor')).find(Boolean) ?? null,
    comments: text(vehicle, 'comments'),
    label: [year, make, model, trim].filter((part) => part !== null).join(' ') || null,
  };
}

function toPrice(price: XmlNode): AdfPrice | null {
  const amount = parseNumber(textOf(price));
  if (amount === null) return null;
  return { amount, currency: attr(price, 'currency')?.toUpperCase() ?? null, type: attr(price, 'type')?.toLowerCase() ?? null };
}

function toCustomer(customer: XmlNode | null): AdfCustomer {
  const contacts = all(customer, 'contact');
  // ADF has one contact per customer; should a sender repeat it, the one marked primary wins.
  const contact = contacts.find((node) => attr(node, 'primarycontact') === '1') ?? contacts[0] ?? null;
  const emails: string[] = [];
  for (const email of all(contact, 'email').map(textOf)) {
    if (email !== null && !emails.some((seen) => seen.toLowerCase() === email.toLowerCase())) emails.push(email);
  }
  const phones = all(contact, 'phone').flatMap((phone): AdfPhone[] => {
    const number = textOf(phone);
    return number === null ? [] : [{ number, type: attr(phone, 'type')?.toLowerCase() ?? null }];
  });
  return {
    ...personName(contact),
    emails,
    phones,
    address: toAddress(first(contact, 'address')),
    comments: text(customer, 'comments'),
    timeframe: line(first(customer, 'timeframe'), 'description'),
  };
}

/**
 * The `<name>`s of a contact or provider. The full name is the `part="full"` one, or one without
 * `part` (senders use it for the whole name), else first, middle, last and suffix joined. First and
 * last names come only from parts: splitting a full name guesses wrong ("Mary Ann Smith", "Juan de la Cruz").
 */
function personName(node: XmlNode | null): Pick<AdfCustomer, 'name' | 'firstName' | 'lastName'> {
  const names = all(node, 'name');
  const part = (kind: string) =>
    names.map((name) => ((attr(name, 'part')?.toLowerCase() ?? 'full') === kind ? collapse(textOf(name)) : null)).find(Boolean) ?? null;
  const firstName = part('first');
  const lastName = part('last');
  const joined = [firstName, part('middle'), lastName, part('suffix')].filter((p) => p !== null).join(' ');
  return { name: part('full') ?? (joined || null), firstName, lastName };
}

function toAddress(address: XmlNode | null): AdfAddress | null {
  const street = all(address, 'street').map((node) => collapse(textOf(node))).filter((s) => s !== null);
  const city = line(address, 'city');
  const region = line(address, 'regioncode');
  const postalCode = text(address, 'postalcode');
  const country = line(address, 'country');
  const empty = street.length === 0 && [city, region, postalCode, country].every((value) => value === null);
  return empty ? null : { street, city, region, postalCode, country };
}
