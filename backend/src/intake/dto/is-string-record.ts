import { registerDecorator, type ValidationArguments } from 'class-validator';

/** An object whose values are all strings (campaign tags and the like), of bounded size. */
export function IsStringRecord(limits: { maxKeys: number; maxLength: number }) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isStringRecord',
      target: target.constructor,
      propertyName: property,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return entries.length <= limits.maxKeys && entries.every(([, item]) => typeof item === 'string' && item.length <= limits.maxLength);
        },
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an object of at most ${limits.maxKeys} text values of up to ${limits.maxLength} characters`,
      },
    });
}
