import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AdfCustomer, AdfLead, AdfVehicle } from './adf-lead.js';
import { AdfParseError, parseAdf } from './parse-adf.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

/** The one lead of a document that must hold exactly one. */
function onlyLead(xml: string): AdfLead {
  const leads = parseAdf(xml);
  expect(leads).toHaveLength(1);
  return leads[0];
}

/** A one-line document around a prospect's inner XML, as minimal senders write it. */
const prospect = (inner: string, attrs = '') => `<adf><prospect${attrs}>${inner}</prospect></adf>`;
const vehicle = (inner: string, attrs = '') => onlyLead(prospect(`<vehicle${attrs}>${inner}</vehicle>`)).vehicles[0];
const customer = (contact: string, rest = '') => onlyLead(prospect(`<customer><contact>${contact}</contact>${rest}</customer>`)).customer;

/** What parseAdf throws for `xml`. */
function failure(xml: string): AdfParseError {
  try {
    parseAdf(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(AdfParseError);
    return error as AdfParseError;
  }
  throw new Error('parseAdf did not throw');
}

const noCustomer: AdfCustomer = {
  name: null,
  firstName: null,
  lastName: null,
  emails: [],
  phones: [],
  address: null,
  comments: null,
  timeframe: null,
};

describe('parseAdf: a marketplace lead (AutoTrader style, canonical ADF 1.0)', () => {
  const lead = onlyLead(fixture('marketplace-used.xml'));

  it('maps the prospect, vendor and provider; the first <id> with its source is the lead id', () => {
    expect(lead.id).toBe('4F8C2A-77');
    expect(lead.idSource).toBe('AutoTrader');
    expect(lead.status).toBe('new');
    expect(lead.requestDate?.toISOString()).toBe('2026-11-20T19:03:00.000Z');
    expect(lead.vendorName).toBe('Sunrise Toyota');
    expect(lead.provider).toEqual({
      name: 'AutoTrader.com',
      service: 'New Car Leads',
      url: 'https://www.autotrader.com',
      email: 'leads@autotrader.com',
    });
  });

  it('maps the vehicle of interest and the trade-in, in document order', () => {
    expect(lead.vehicles).toEqual<AdfVehicle[]>([
      {
        interest: 'buy',
        status: 'used',
        year: 2022,
        make: 'Toyota',
        model: 'RAV4',
        trim: 'XLE',
        vin: '2T3P1RFV8NW123456',
        stock: 'U1234',
        odometer: { value: 23500, units: 'mi' },
        price: { amount: 27995, currency: 'USD', type: 'asking' },
        color: 'Blue',
        comments: 'Is it still available?',
        label: '2022 Toyota RAV4 XLE',
      },
      {
        interest: 'trade-in',
        status: 'used',
        year: 2015,
        make: 'Honda',
        model: 'Civic',
        trim: null,
        vin: null,
        stock: null,
        odometer: { value: 142000, units: 'km' },
        price: null,
        color: null,
        comments: null,
        label: '2015 Honda Civic',
      },
    ]);
  });

  it('maps the customer: name parts, email, typed phones, address, comments, timeframe', () => {
    expect(lead.customer).toEqual<AdfCustomer>({
      name: 'Maria Gonzalez',
      firstName: 'Maria',
      lastName: 'Gonzalez',
      emails: ['maria.g@example.com'],
      phones: [
        { number: '(555) 201-3344', type: 'voice' },
        { number: '+1 555 777 1212', type: 'cellphone' },
      ],
      address: { street: ['12 Main St'], city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
      comments: 'Prefer a call after 5pm',
      timeframe: 'Within a week',
    });
  });
});

describe('parseAdf: an OEM test-drive lead (no <?adf?>, tabs, full name, entities, CDATA)', () => {
  const lead = onlyLead(fixture('oem-test-drive.xml'));

  it('maps the prospect; unknown tags (<leadsource>, <option>, <finance>) are ignored', () => {
    expect(lead).toMatchObject({
      id: 'TLR-0042917',
      idSource: 'ToyotaLeadRouter',
      status: null,
      vendorName: 'Toyota Centre-Ville',
      provider: { name: 'Toyota Canada Inc.', service: 'Book a Test Drive', url: 'https://www.toyota.ca', email: null },
    });
    expect(lead.requestDate?.toISOString()).toBe('2026-11-19T08:30:15.000Z');
    expect(lead.vehicles).toEqual<AdfVehicle[]>([
      {
        interest: 'test-drive',
        status: 'new',
        year: 2027,
        make: 'Toyota',
        model: 'Camry',
        trim: 'XSE Hybrid',
        vin: null,
        stock: null,
        odometer: null,
        price: { amount: 38450, currency: 'USD', type: 'msrp' },
        color: null,
        comments: null,
        label: '2027 Toyota Camry XSE Hybrid',
      },
    ]);
  });

  it('takes a part="full" name whole (whitespace collapsed), without guessing first and last names', () => {
    expect(lead.customer).toMatchObject({ name: 'Jean-François Tremblay', firstName: null, lastName: null });
  });

  it('keeps every email once (compared without case) and phones without a type', () => {
    expect(lead.customer.emails).toEqual(['JF.Tremblay@example.ca', 'jft@example.org']);
    expect(lead.customer.phones).toEqual([{ number: '555 010 4477', type: null }]);
  });

  it('decodes HTML entities and reads CDATA as text, markup and all', () => {
    expect(lead.customer.address).toEqual({
      street: ['4500 Rue Sainte-Catherine O', 'App. 12'],
      city: 'Montréal',
      region: 'QC',
      postalCode: 'H3Z 1R9',
      country: 'CA',
    });
    expect(lead.customer.comments).toBe('Wants a test drive on Saturday morning & a quote for <b>lease</b>.');
  });
});

describe('parseAdf: a dealer website sending two prospects (resend, sloppy values)', () => {
  const leads = parseAdf(fixture('website-resend-two-prospects.xml'));
  const [first, second] = leads;

  it('gives one lead per <prospect>, in order', () => {
    expect(leads.map((lead) => [lead.id, lead.status])).toEqual([
      ['WEB-2026-00017', 'resend'],
      ['WEB-2026-00018', 'new'],
    ]);
  });

  it('reads a date with a space for the T and no offset as UTC; one it cannot read is null', () => {
    expect(first.requestDate?.toISOString()).toBe('2026-11-20T09:15:00.000Z');
    expect(second.requestDate).toBeNull();
  });

  it('normalises VINs, keeps stock numbers as strings and reads "tradein" as a trade-in', () => {
    const [lease, tradeIn] = first.vehicles;
    expect(lease).toMatchObject({ interest: 'lease', status: 'new', vin: '3FMTK3SR0RMA12345', stock: '00871', price: null });
    expect(tradeIn).toMatchObject({
      interest: 'trade-in',
      vin: '1FTEW1E50KFA00001',
      odometer: { value: 61204, units: 'mi' },
      // "Call for price" is not a price: the first one that is a number is taken.
      price: { amount: 24500, currency: 'USD', type: 'offer' },
      comments: 'Has a cracked windshield & new tires.',
      label: '2019 Ford F-150',
    });
  });

  it('joins first, middle, last and suffix into the name', () => {
    expect(first.customer).toEqual<AdfCustomer>({
      name: "Bob J. O'Neil Jr.",
      firstName: 'Bob',
      lastName: "O'Neil",
      emails: ['bob.oneil@example.com'],
      phones: [
        { number: '0612 345 678', type: 'cellphone' },
        { number: '(555) 201-9999', type: 'fax' },
      ],
      address: null,
      comments: null,
      timeframe: 'Next month',
    });
    expect(first.provider).toBeNull();
  });

  it('reads a vehicle without interest as one to buy, and a name without part as the full name', () => {
    expect(second.vehicles).toEqual([expect.objectContaining({ interest: 'buy', status: null, label: '2027 Ford Bronco' })]);
    expect(second.customer).toMatchObject({ name: 'Sam Lee', firstName: null, lastName: null });
    expect(second.customer.phones).toEqual([{ number: '555-0123', type: null }]);
  });
});

describe('parseAdf: what real senders get wrong', () => {
  it('reads a minimal one-line document without declarations; absent parts are null or empty', () => {
    const lead = onlyLead(prospect('<customer><contact><name part="full">Ann Smith</name><phone>5550100</phone></contact></customer>'));
    expect(lead).toEqual<AdfLead>({
      id: null,
      idSource: null,
      status: null,
      requestDate: null,
      vehicles: [],
      customer: { ...noCustomer, name: 'Ann Smith', phones: [{ number: '5550100', type: null }] },
      vendorName: null,
      provider: null,
    });
  });

  it('reads a prospect with nothing in it', () => {
    expect(onlyLead('<adf><prospect/></adf>').customer).toEqual(noCustomer);
  });

  it('reads a BOM, CRLF line ends and surrounding whitespace; multi-line comments keep LF line breaks', () => {
    const xml = [
      '\uFEFF  ',
      '<?xml version="1.0"?>',
      '<?adf version="1.0"?>',
      '<adf>',
      '  <prospect status="new">',
      '    <id source="CarsDirect">  00412  </id>',
      '    <customer>',
      '      <contact><name part="first">Ann</name><name part="last">Lee</name></contact>',
      '      <comments>',
      '        Line one',
      '        line two',
      '      </comments>',
      '    </customer>',
      '  </prospect>',
      '</adf>',
      '   ',
    ].join('\r\n');
    const lead = onlyLead(xml);
    expect([lead.id, lead.idSource, lead.customer.name]).toEqual(['00412', 'CarsDirect', 'Ann Lee']);
    expect(lead.customer.comments).toBe('Line one\n        line two');
  });

  it('matches tag and attribute names without case', () => {
    const lead = onlyLead(
      '<ADF><Prospect Status="NEW"><ID Source="Edmunds">E-9</ID><Vehicle Interest="SELL" Status="Used"><Year>2020</Year>' +
        '<Make>BMW</Make><Model>X3</Model></Vehicle><Customer><Contact><Name Part="Full">Li Wei</Name>' +
        '<EMail>li@example.com</EMail></Contact></Customer></Prospect></ADF>',
    );
    expect(lead).toMatchObject({ id: 'E-9', idSource: 'Edmunds', status: 'new' });
    expect(lead.vehicles[0]).toMatchObject({ interest: 'sell', status: 'used', label: '2020 BMW X3' });
    expect(lead.customer).toMatchObject({ name: 'Li Wei', emails: ['li@example.com'] });
  });

  it('ignores unknown tags, and known tags where they do not belong', () => {
    const lead = onlyLead(
      prospect(
        '<leadtype>Internet</leadtype><custom><id source="X">WRONG</id><email>no@example.com</email></custom>' +
          '<id source="Cars.com">RIGHT</id><customer><contact><email>yes@example.com</email><twitter>@ann</twitter>' +
          '</contact></customer><vehicle><year>2021</year><make>Kia</make><warranty><year>2030</year></warranty></vehicle>',
      ),
    );
    expect([lead.id, lead.idSource]).toEqual(['RIGHT', 'Cars.com']);
    expect(lead.customer.emails).toEqual(['yes@example.com']);
    expect(lead.vehicles[0].label).toBe('2021 Kia');
  });

  it('decodes XML, HTML and numeric entities', () => {
    const lead = onlyLead(
      prospect(
        '<vendor><vendorname>Caf&eacute;&nbsp;Motors &amp; Sons &lt;Used&gt;</vendorname></vendor>' +
          '<customer><contact><name part="first">Ren&#233;e</name><name part="last">M&#xFC;ller</name></contact>' +
          '<comments>&quot;ASAP&quot; &mdash; thanks&hellip;</comments></customer>',
      ),
    );
    expect(lead.vendorName).toBe('Café Motors & Sons <Used>');
    expect(lead.customer.name).toBe('Renée Müller');
    expect(lead.customer.comments).toBe('"ASAP" — thanks…');
  });

  it('keeps the text around a CDATA section, and entities inside it as written', () => {
    expect(customer('', '<comments>Hi <![CDATA[<i>there</i> &eacute;]]> ok</comments>').comments).toBe('Hi <i>there</i> &eacute; ok');
  });

  it('takes a contact marked primary when a sender repeats <contact>', () => {
    const lead = onlyLead(
      prospect(
        '<customer><contact primarycontact="0"><name>Assistant</name></contact>' +
          '<contact primarycontact="1"><name>Owner</name></contact></customer>',
      ),
    );
    expect(lead.customer.name).toBe('Owner');
  });

  it('maps interest and status whatever their case and separators; an unknown one means buy / null', () => {
    const interests = ['BUY', 'Lease', 'sell', 'Trade-In', 'trade_in', 'test-drive', 'Test Drive', 'browse'].map(
      (interest) => vehicle('<make>Kia</make>', ` interest="${interest}"`).interest,
    );
    expect(interests).toEqual(['buy', 'lease', 'sell', 'trade-in', 'trade-in', 'test-drive', 'test-drive', 'buy']);
    expect(['New', 'USED', 'certified'].map((status) => vehicle('', ` status="${status}"`).status)).toEqual(['new', 'used', null]);
  });

  it('reads a DOCTYPE but does not expand the entities it declares', () => {
    const lead = onlyLead(
      '<!DOCTYPE adf SYSTEM "http://www.adfxml.info/adf.dtd" [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
        '<adf><prospect><id>&b;&a;</id></prospect></adf>',
    );
    expect(lead.id).toBe('&b;&a;');
  });

  it('refuses external entities', () => {
    const xxe = '<!DOCTYPE adf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><adf><prospect><id>&xxe;</id></prospect></adf>';
    expect(failure(xxe).message).toBe('Malformed ADF/XML: External entities are not supported');
  });

  it('refuses a DOCTYPE entity over the size limit instead of reading it', () => {
    const bomb = `<!DOCTYPE adf [<!ENTITY a "${'a'.repeat(20_000)}">]><adf><prospect><id>&a;</id></prospect></adf>`;
    expect(failure(bomb).message).toMatch(/^Malformed ADF\/XML: .*size/);
  });
});

describe('parseAdf: dates', () => {
  const requestDate = (value: string) => onlyLead(prospect(`<requestdate>${value}</requestdate>`)).requestDate;

  it.each([
    ['2026-11-20T14:03:00-05:00', '2026-11-20T19:03:00.000Z'],
    ['2026-11-20T14:03:00-0500', '2026-11-20T19:03:00.000Z'],
    ['2026-11-20T19:03:00Z', '2026-11-20T19:03:00.000Z'],
    ['2026-11-20T19:03:00.250Z', '2026-11-20T19:03:00.250Z'],
    ['2026-11-20T14:03:00+05:30', '2026-11-20T08:33:00.000Z'],
    ['2026-11-20 14:03:00', '2026-11-20T14:03:00.000Z'],
    ['2026-11-20 14:03:00 -05:00', '2026-11-20T19:03:00.000Z'],
    ['2026-11-20T14:03', '2026-11-20T14:03:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['  2024-02-29T12:00:00Z ', '2024-02-29T12:00:00.000Z'],
  ])('reads %j as %s', (value, iso) => {
    expect(requestDate(value)?.toISOString()).toBe(iso);
  });

  it.each([
    ['yesterday'],
    ['0000-00-00 00:00:00'],
    ['2026-02-30'],
    ['2025-02-29T12:00:00Z'],
    ['2026-11-20T24:30:00'],
    ['2026-11-20T14:61:00'],
    ['11/20/2026 2:03 PM'],
    ['Fri, 20 Nov 2026 14:03:00 GMT'],
    [''],
  ])('reads %j as null, without throwing', (value) => {
    expect(requestDate(value)).toBeNull();
  });
});

describe('parseAdf: numbers', () => {
  it.each([
    ['27995', 27995],
    ['27,995.00', 27995],
    ['$27,995', 27995],
    ['USD 27995.50', 27995.5],
    [' 0 ', 0],
    ['-1,500', -1500],
  ])('reads the price %j as %d', (text, amount) => {
    expect(vehicle(`<price>${text}</price>`).price).toEqual({ amount, currency: null, type: null });
  });

  it.each([['Call for price'], ['TBD'], ['27995-28995'], ['$'], ['']])('reads the price %j as no price', (text) => {
    expect(vehicle(`<price type="asking">${text}</price>`).price).toBeNull();
  });

  it('keeps the type and currency of a price, normalised', () => {
    const price = vehicle('<price type="Quote" currency="cad" delta="relative" relativeto="msrp" source="Dealer">-1,500</price>').price;
    expect(price).toEqual({ amount: -1500, currency: 'CAD', type: 'quote' });
  });

  it('reads odometers with separators and units; a year that is not four digits is null', () => {
    expect(vehicle('<odometer units="KM">23,500 km</odometer><year>22</year>')).toMatchObject({
      odometer: { value: 23500, units: 'km' },
      year: null,
    });
    expect(vehicle('<odometer>unknown</odometer><year>2O22</year>')).toMatchObject({ odometer: null, year: null, label: null });
  });
});

describe('parseAdf: refusals', () => {
  it('names the parser reason and position of malformed XML, counting lines as sent', () => {
    const xml = [
      '',
      '<?xml version="1.0"?>',
      '<adf>',
      ' <prospect>',
      '  <customer><contact>',
      '   <name part="first">Maria',
      '  </contact></customer>',
      ' </prospect>',
      '</adf>',
    ].join('\r\n');
    expect(failure(xml).message).toBe(
      "Malformed ADF/XML: Expected closing tag 'name' (opened in line 5, col 4) instead of closing tag 'contact'. (line 7, col 3)",
    );
  });

  it.each([
    ['an unescaped ampersand', '<adf><prospect><vendor><vendorname>Smith & Sons</vendorname></vendor></prospect></adf>', "char '&' is not expected."],
    ['an unclosed root', '<adf><prospect></prospect>', "Unclosed tag 'adf'."],
    ['plain text', 'Name: Maria Gonzalez', "char 'N' is not expected."],
    ['JSON', '{"prospect": {}}', "char '{' is not expected."],
  ])('refuses %s as malformed', (_, xml, reason) => {
    const { message } = failure(xml);
    expect(message).toContain(`Malformed ADF/XML: ${reason}`);
    expect(message).toContain('(line 1');
  });

  it('refuses XML that is not ADF, naming the root it found', () => {
    expect(failure('<?xml version="1.0"?><leads><lead><name>Maria</name></lead></leads>').message).toBe(
      'Not an ADF document: expected the root element <adf>, found <leads>',
    );
  });

  it.each([['<adf/>'], ['<adf><vendor><vendorname>Sunrise</vendorname></vendor></adf>'], ['<?adf version="1.0"?><adf>\n</adf>']])(
    'refuses %j: ADF without a <prospect>',
    (xml) => {
      expect(failure(xml).message).toBe('Not an ADF lead: <adf> contains no <prospect>');
    },
  );

  it.each([[''], ['  \r\n\t '], ['\uFEFF']])('refuses the empty body %j', (xml) => {
    expect(failure(xml).message).toBe('Empty ADF/XML document');
  });

  it('throws an Error named AdfParseError', () => {
    const error = failure('');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AdfParseError');
  });
});
