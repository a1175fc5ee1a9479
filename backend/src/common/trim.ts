import { Transform } from 'class-transformer';

/** Trims string input before validation, so "   " fails @IsNotEmpty like "" does; services get trimmed values. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
