import { normalizeVin, vinProblem } from '@autofunnel/shared';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments } from 'class-validator';

/** The oldest model year we accept: older input is a typo, not a car on a dealer's lot. */
export const FIRST_MODEL_YEAR = 1950;

/**
 * A VIN, normalised (upper case, no spaces or dashes) before it is checked with `vinProblem`,
 * so the 400 says what is wrong with it ("vin: A VIN has 17 characters; this one has 16").
 */
export function IsVin(): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeVin(value) : value))(target, propertyName);
    registerDecorator({
      name: 'isVin',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && vinProblem(value) === null,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          typeof value === 'string' ? `${property}: ${vinProblem(value)}` : `${property} must be a VIN (17 characters)`,
      },
    });
  };
}

/** A whole model year from 1950 to next year (next year's models are sold from this summer). */
export function IsModelYear(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isModelYear',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= FIRST_MODEL_YEAR && (value as number) <= latestModelYear(),
        defaultMessage: ({ property }: ValidationArguments) => `${property} must be a year from ${FIRST_MODEL_YEAR} to ${latestModelYear()}`,
      },
    });
}

function latestModelYear(): number {
  return new Date().getUTCFullYear() + 1;
}
