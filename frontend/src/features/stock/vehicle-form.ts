import { normalizeVin, vinProblem, type CreateVehicleRequest, type UpdateVehicleRequest, type VehicleDto, type VehicleStatus } from '@autofunnel/shared';

/** The form's fields as typed (numbers too), checked on submit. */
export interface VehicleFields {
  /** Normalised as typed: upper case, no spaces or dashes. */
  vin: string;
  make: string;
  model: string;
  year: string;
  mileage: string;
  colour: string;
  price: string;
  status: VehicleStatus;
}

export type VehicleFieldName = keyof VehicleFields;

/** What is wrong with each field, in words. */
export type FieldProblems = Partial<Record<VehicleFieldName, string>>;

export const EMPTY_VEHICLE_FIELDS: VehicleFields = { vin: '', make: '', model: '', year: '', mileage: '', colour: '', price: '', status: 'in_stock' };

export function fieldsOf(vehicle: VehicleDto): VehicleFields {
  return {
    vin: vehicle.vin,
    make: vehicle.make,
    model: vehicle.model,
    year: String(vehicle.year),
    mileage: String(vehicle.mileage),
    colour: vehicle.colour ?? '',
    price: String(vehicle.price),
    status: vehicle.status,
  };
}

/** The first registered cars are from 1886; next year's models are sold from the summer before. */
const FIRST_YEAR = 1886;

/** Why the VIN cannot be saved, or null. */
export function vinFieldProblem(vin: string): string | null {
  if (vin === '') return 'Type the 17-character VIN.';
  const problem = vinProblem(normalizeVin(vin));
  return problem && `${problem}.`;
}

/** The fields as a request, or what is wrong with them. */
export function checkVehicleFields(fields: VehicleFields, now = new Date()): { request: CreateVehicleRequest } | { problems: FieldProblems } {
  const problems: FieldProblems = {};
  const vinIssue = vinFieldProblem(fields.vin);
  if (vinIssue) problems.vin = vinIssue;
  const make = fields.make.trim();
  const model = fields.model.trim();
  if (make === '') problems.make = 'Type the make, e.g. Skoda.';
  if (model === '') problems.model = 'Type the model, e.g. Octavia.';
  const latestYear = now.getFullYear() + 1;
  const year = Number(fields.year);
  if (fields.year.trim() === '' || !Number.isInteger(year) || year < FIRST_YEAR || year > latestYear) {
    problems.year = `The model year is a whole number from ${FIRST_YEAR} to ${latestYear}.`;
  }
  const mileage = fields.mileage.trim() === '' ? 0 : Number(fields.mileage);
  if (!Number.isInteger(mileage) || mileage < 0) problems.mileage = 'The mileage is a whole number of kilometres, 0 or more.';
  const price = Number(fields.price);
  if (fields.price.trim() === '' || !Number.isFinite(price) || price < 0) problems.price = 'Type the price, 0 or more.';
  if (Object.keys(problems).length > 0) return { problems };
  const colour = fields.colour.trim();
  return {
    request: { vin: normalizeVin(fields.vin), make, model, year, mileage, ...(colour && { colour }), price, status: fields.status },
  };
}

/**
 * Only what was changed, with the version the form started from: an edit does not undo someone
 * else's change to another field, and the server refuses it (409) if the vehicle moved on.
 */
export function changesOf(vehicle: VehicleDto, request: CreateVehicleRequest): UpdateVehicleRequest {
  const colour = request.colour ?? null;
  return {
    ...(request.vin !== vehicle.vin && { vin: request.vin }),
    ...(request.make !== vehicle.make && { make: request.make }),
    ...(request.model !== vehicle.model && { model: request.model }),
    ...(request.year !== vehicle.year && { year: request.year }),
    ...(request.mileage !== vehicle.mileage && { mileage: request.mileage }),
    ...(colour !== vehicle.colour && { colour }),
    ...(request.price !== vehicle.price && { price: request.price }),
    ...(request.status !== vehicle.status && { status: request.status }),
    version: vehicle.version,
  };
}

const FIELD_NAMES = new Set<string>(Object.keys(EMPTY_VEHICLE_FIELDS));

/** A 400's `fields` (`{ vin: ['...'] }`) as problems of the form's fields; the rest stays in `other`. */
export function serverFieldProblems(fields: Record<string, string[]> | undefined): { problems: FieldProblems; other: string[] } {
  const problems: FieldProblems = {};
  const other: string[] = [];
  for (const [name, messages] of Object.entries(fields ?? {})) {
    if (FIELD_NAMES.has(name)) problems[name as VehicleFieldName] = messages.join('. ');
    else other.push(...messages);
  }
  return { problems, other };
}
