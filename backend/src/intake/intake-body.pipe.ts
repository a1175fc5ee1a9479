import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { createValidationPipe } from '../common/validation.js';

/** A validated intake request, and the fields we do not know, kept rather than lost. */
export interface IntakeBody<T> {
  dto: T;
  extra: Record<string, unknown>;
}

/**
 * Validates a lead from a web form, telephony or messenger like any body, except that fields
 * beyond the contract do not get the lead refused (senders add their own): they are kept aside
 * and stored with the request. Use with a controller parameter typed as a plain object, so the
 * global (strict) pipe leaves the body to this one.
 */
export class IntakeBodyPipe<T extends object> implements PipeTransform<unknown, Promise<IntakeBody<T>>> {
  private readonly validation = createValidationPipe({ dropUnknownFields: true });

  constructor(private readonly dtoClass: new () => T) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<IntakeBody<T>> {
    const dto = (await this.validation.transform(value, { ...metadata, metatype: this.dtoClass })) as T;
    const extra = Object.fromEntries(Object.entries(value as object).filter(([field]) => !(field in dto)));
    return { dto, extra };
  }
}
