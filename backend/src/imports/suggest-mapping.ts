import type { ImportField, ImportMapping } from '@autofunnel/shared';

/** Header texts (compared without case, spaces or punctuation) that usually hold each field. */
const HEADER_NAMES: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'contact', 'contactname', 'customer', 'customername', 'client', 'clientname', 'lead', 'person', 'имя', 'фио'],
  firstName: ['firstname', 'givenname', 'first', 'forename', 'имя'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'фамилия'],
  company: ['company', 'companyname', 'organisation', 'organization', 'business', 'businessname', 'firm', 'account', 'accountname', 'компания', 'организация'],
  phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cell', 'cellphone', 'phone1', 'телефон'],
  email: ['email', 'emailaddress', 'mail', 'email1', 'почта'],
  vehicleInterest: ['vehicle', 'vehicleinterest', 'car', 'carofinterest', 'model', 'interestedin', 'автомобиль'],
  note: ['note', 'notes', 'comment', 'comments', 'remark', 'remarks', 'message', 'комментарий'],
};

/** Fields tried in this order, so "Name" next to "First name" goes to `name`. */
const FIELD_ORDER: ImportField[] = ['name', 'firstName', 'lastName', 'company', 'phone', 'email', 'vehicleInterest', 'note'];

function comparable(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The column each field most likely comes from, each column used once. */
export function suggestMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of FIELD_ORDER) {
    const column = columns.find((candidate) => !used.has(candidate) && HEADER_NAMES[field].includes(comparable(candidate)));
    if (column) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}
