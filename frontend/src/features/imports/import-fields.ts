import type { ContactKind, ImportField, ImportMapping } from '@autofunnel/shared';

/** The target fields in the order the form shows them, with their labels. */
export const IMPORT_FIELD_LABELS: readonly [ImportField, string][] = [
  ['name', 'Name'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['company', 'Company'],
  ['phone', 'Phone'],
  ['email', 'Email'],
  ['vehicleInterest', 'Car of interest'],
  ['note', 'Note'],
];

/** The mapping as sent: fields left on "not imported" are left out. */
export function chosenMapping(mapping: ImportMapping): ImportMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, column]) => Boolean(column)));
}

/** What is missing before the import can start (the server checks the same), or null. */
export function mappingProblem(mapping: ImportMapping, kind: ContactKind): string | null {
  const named = kind === 'company' ? mapping.company || mapping.name : mapping.name || mapping.firstName || mapping.lastName;
  if (!named) return kind === 'company' ? 'Choose the column with the company name.' : 'Choose the column with the name (or the first and last name).';
  if (!mapping.phone && !mapping.email) return 'Choose the column with the phone or the email: every lead needs one.';
  return null;
}
