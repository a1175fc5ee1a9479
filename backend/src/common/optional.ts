import { ValidateIf } from 'class-validator';

/**
 * Like @IsOptional, but only an absent field is skipped: `null` is still validated (and so
 * refused by the field's other rules). Fields that may be cleared use @IsOptional + ValidateIf.
 */
export const Optional = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);
