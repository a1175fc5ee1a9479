import type { ContactKind, ImportField, ImportMapping } from '@autofunnel/shared';
import { isEmail } from 'class-validator';
import { normaliseEmail, normalisePhone } from '../contacts/phone.js';

/** Field → index of its column in each row. */
export type ColumnIndexes = Partial<Record<ImportField, number>>;

/** A row that can become a lead: the contact as ContactsService takes it, and the deal's details. */
export interface RowLead {
  contact: { name: string; kind: ContactKind; phone?: string; email?: string };
  /** The phone (E.164) and email as stored, to look for an existing contact. */
  keys: { phones: string[]; emails: string[] };
  vehicleInterest: string | null;
  note: string | null;
  company: string | null;
}

export type RowReading = { lead: RowLead } | { error: string };

/** Column lengths of the contact and deal tables. */
const MAX_NAME = 200;
const MAX_VEHICLE = 200;
const MAX_PHONE = 40;

export function columnIndexes(mapping: ImportMapping, columns: string[]): ColumnIndexes {
  const indexes: ColumnIndexes = {};
  for (const [field, column] of Object.entries(mapping) as [ImportField, string][]) indexes[field] = columns.indexOf(column);
  return indexes;
}

/**
 * One row as a lead, or why it cannot be one, in words for the person who made the file.
 * A name is required (the company's, for companies), and a phone or an email that reads as one.
 */
export function readRow(cells: string[], columns: ColumnIndexes, kind: ContactKind, phoneRegion: string): RowReading {
  const value = (field: ImportField) => {
    const index = columns[field];
    return index === undefined ? '' : (cells[index] ?? '');
  };
  const personName = value('name') || [value('firstName'), value('lastName')].filter(Boolean).join(' ');
  const company = value('company');
  const name = kind === 'company' ? company || value('name') : personName;
  const phone = value('phone');
  const email = value('email');
  const vehicleInterest = value('vehicleInterest');

  if (!name) return { error: kind === 'company' ? 'Company name is missing' : 'Name is missing' };
  if (name.length > MAX_NAME) return { error: `Name is longer than ${MAX_NAME} characters` };
  if (!phone && !email) return { error: 'No phone or email: a lead needs one so the customer can be reached' };
  const normalisedPhone = phone ? phone.length <= MAX_PHONE && normalisePhone(phone, phoneRegion) : null;
  if (phone && !normalisedPhone) return { error: `Phone "${phone}" is not a valid phone number; include the country code, e.g. +1 212 555 2368` };
  if (email && !isEmail(email)) return { error: `Email "${email}" is not an email address` };
  if (vehicleInterest.length > MAX_VEHICLE) return { error: `Vehicle of interest is longer than ${MAX_VEHICLE} characters` };

  return {
    lead: {
      contact: { name, kind, ...(phone && { phone }), ...(email && { email }) },
      keys: { phones: normalisedPhone ? [normalisedPhone] : [], emails: email ? [normaliseEmail(email)] : [] },
      vehicleInterest: vehicleInterest || null,
      note: value('note') || null,
      // for people, the company they work for is kept with the deal
      company: kind === 'person' ? company || null : null,
    },
  };
}
