import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A finite amount with at most two decimals (class-validator's maxDecimalPlaces trips on 1e-7). */
export function IsMoney(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMoney',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an amount with at most two decimals`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
      },
    });
}
