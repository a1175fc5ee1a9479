import { Transform } from 'class-transformer';

/** Trims string input before validation, so "   " fails @IsNotEmpty like "" does. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
