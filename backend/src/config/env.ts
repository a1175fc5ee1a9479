import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import { isSupportedCountry } from 'libphonenumber-js';

/** Every setting the API reads, validated once at start-up (see README "Configuration"). */
export class AppEnvironment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Unset in development: `main.ts` starts the embedded PostgreSQL and fills this in. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(16)
  JWT_SECRET?: string;

  @IsString()
  JWT_EXPIRES_IN = '12h';

  /** Region for phone numbers written without a country code (ISO 3166 alpha-2). */
  @IsString()
  DEFAULT_PHONE_REGION = 'US';

  /** Deadline to contact the customer, counted from a deal's creation. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  CONTACT_DEADLINE_MINUTES = 120;

  /** When set, socket.io rooms are shared through Redis, so several API instances can run. */
  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  /** How many missed events a reconnecting board may replay before it is told to reload. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REALTIME_REPLAY_LIMIT = 1000;

  /** Where uploaded deal documents are kept; default `.data/documents` in the repository. */
  @IsOptional()
  @IsString()
  DOCUMENTS_DIR?: string;

  /** Largest document a user may upload, in megabytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024)
  DOCUMENT_MAX_MB = 20;

  /** File types a document may have (extensions, checked against the file's content). */
  @IsString()
  DOCUMENT_TYPES = 'pdf,jpg,png,webp,heic,docx,xlsx,odt,ods';

  /** e.g. smtps://user:password@mail.example.com:465; unset, messages wait in the outbox. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Autofunnel <no-reply@autofunnel.local>';

  /** An open deal without activity for this long is closed as lost with reason "expired". */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  DEAL_EXPIRY_WEEKS = 8;

  /** When the follow-up job (expiry, long-term follow-up) runs, as a cron expression; "off" never. */
  @IsString()
  FOLLOW_UP_JOB_CRON = '*/10 * * * *';

  /** When the speed-to-lead job escalates requests waiting past their funnel's SLA, as a cron expression; "off" never. */
  @IsString()
  SLA_JOB_CRON = '* * * * *';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** Used only when JWT_SECRET is unset outside production, so a fresh clone runs as is. */
const DEVELOPMENT_JWT_SECRET = 'autofunnel-development-secret-change-me';

export function validateEnvironment(raw: Record<string, unknown>): AppEnvironment {
  const env = plainToInstance(AppEnvironment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  if (!isSupportedCountry(env.DEFAULT_PHONE_REGION)) {
    problems.push(`DEFAULT_PHONE_REGION "${env.DEFAULT_PHONE_REGION}" is not a known country code (e.g. US, DE, NL)`);
  }
  if (!env.JWT_SECRET) {
    if (env.NODE_ENV === 'production') problems.push('JWT_SECRET must be set in production (16 characters or more)');
    env.JWT_SECRET = DEVELOPMENT_JWT_SECRET;
  }
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
  return env;
}
