import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

/** Flattens nested class-validator errors into `{ "contact.phone": ["..."] }`. */
export function collectFieldErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[field] = Object.values(error.constraints);
    Object.assign(fields, collectFieldErrors(error.children ?? [], field));
  }
  return fields;
}

/**
 * The global pipe: unknown fields and wrong types are refused with 400; the message is one
 * readable sentence naming every field at fault, and `fields` lists them for programs.
 * `dropUnknownFields` makes a pipe for senders we do not control (lead intake): unknown
 * fields are dropped from the DTO instead of refused.
 */
export function createValidationPipe(options: { dropUnknownFields?: boolean } = {}): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: !options.dropUnknownFields,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const fields = collectFieldErrors(errors);
      const messages = Object.values(fields).flat();
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: messages.length > 0 ? messages.join('; ') : 'The request body must be a JSON object',
        fields,
      });
    },
  });
}

/** Refuses JSON arrays and primitives where a body object is expected, before field checks. */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new BadRequestException('The request body must be a JSON object');
    }
    const fromClient = metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param';
    if (fromClient && nestingDepth(value) > MAX_NESTING) throw new BadRequestException(`The request is nested more than ${MAX_NESTING} levels deep`);
    return super.transform(value, metadata);
  }
}

/** Deeper input would exhaust class-transformer's recursion; no request of ours nests past 5. */
const MAX_NESTING = 32;

/** Depth of nested objects/arrays, walked without recursion so hostile input cannot overflow. */
function nestingDepth(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_NESTING) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}
