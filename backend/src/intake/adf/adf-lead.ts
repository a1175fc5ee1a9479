/**
 * A lead read from an ADF/XML document (Auto-lead Data Format 1.0): one per `<prospect>`.
 * Values are trimmed strings as sent, or null when absent or empty; see parse-adf.ts.
 */

export type AdfVehicleInterest = 'buy' | 'lease' | 'sell' | 'trade-in' | 'test-drive';

export interface AdfPrice {
  amount: number;
  currency: string | null;
  type: string | null;
}

export interface AdfVehicle {
  interest: AdfVehicleInterest;
  status: 'new' | 'used' | null;
  year: number | null;
  make: string | null;
  model: string | null;
  trim: string | null;
  /** Upper-cased, spaces removed. */
  vin: string | null;
  stock: string | null;
  odometer: { value: number; units: string | null } | null;
  /** Amount parsed from "27,995.00" / "$27995" etc.; null when not a number. */
  price: AdfPrice | null;
  /** Exterior colour. */
  color: string | null;
  comments: string | null;
  /** "2022 Toyota RAV4 XLE": the parts that are present, joined with spaces; null if none. */
  label: string | null;
}

/** Number as sent (trimmed); normalising is the caller's job. */
export interface AdfPhone {
  number: string;
  type: string | null;
}

export interface AdfAddress {
  street: string[];
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface AdfCustomer {
  /** Full name: "first middle last" from parts, or the full name. */
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Trimmed, in document order, duplicates removed. */
  emails: string[];
  phones: AdfPhone[];
  address: AdfAddress | null;
  /** customer/comments */
  comments: string | null;
  /** customer/timeframe/description */
  timeframe: string | null;
}

export interface AdfLead {
  /** prospect/id and its source attribute: together the idempotency key of the lead. */
  id: string | null;
  idSource: string | null;
  /** prospect@status: new | resend */
  status: string | null;
  requestDate: Date | null;
  /** Every <vehicle>, in order. */
  vehicles: AdfVehicle[];
  customer: AdfCustomer;
  vendorName: string | null;
  provider: { name: string | null; service: string | null; url: string | null; email: string | null } | null;
}
