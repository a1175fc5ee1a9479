/**
 * Lead intake: advertising channels (each with its funnel, source and API key) and the answers
 * of the intake endpoints. Part of the public contract (api.md, "Intake").
 */

/** What kind of line a channel is: a phone line, a website form, a messenger, a media partner. */
export const CHANNEL_KINDS = ['phone', 'web', 'messenger', 'partner'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface ChannelDto {
  id: string;
  name: string;
  kind: ChannelKind;
  /** New deals from this channel enter this funnel. */
  funnelId: string;
  /** Filled in as the deal's source. */
  sourceId: string | null;
  /** The branch that receives its requests (their deals' branch, for distribution and visibility); null = none. */
  branchId: string | null;
  /**
   * A request from a customer who already has an open deal in the funnel is added to that deal's
   * timeline (and flags it) instead of creating a second deal.
   */
  mergeRepeatRequests: boolean;
  /** Requests per minute the channel's key may send; beyond it the intake answers 429. */
  rateLimitPerMinute: number;
  /** The first characters of the key, to tell keys apart; the key itself is shown only once. */
  apiKeyPrefix: string;
  active: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A channel just created or with a rotated key: the only time the key is shown. */
export interface ChannelWithKeyDto extends ChannelDto {
  apiKey: string;
}

export interface CreateChannelRequest {
  name: string;
  kind: ChannelKind;
  funnelId: string;
  sourceId?: string;
  branchId?: string | null;
  mergeRepeatRequests?: boolean;
  rateLimitPerMinute?: number;
}

export interface UpdateChannelRequest {
  name?: string;
  kind?: ChannelKind;
  funnelId?: string;
  sourceId?: string | null;
  branchId?: string | null;
  mergeRepeatRequests?: boolean;
  rateLimitPerMinute?: number;
  active?: boolean;
}

export interface CreateSourceRequest {
  name: string;
}

export type UpdateSourceRequest = CreateSourceRequest;

/** What one intake request became. */
export interface IntakeResult {
  dealId: string;
  dealCode: string;
  contactId: string;
  /** A new deal was created (false for a retry, and for a request added to an open deal). */
  created: boolean;
  /** The request was added to the customer's open deal in the funnel instead. */
  addedToOpenDeal: boolean;
  /** The same externalId / Idempotency-Key was seen before: this is the first answer again. */
  replayed: boolean;
}

/** A `<prospect>` that could not become a deal (e.g. no phone or email), and why. */
export interface AdfProspectRefusal {
  prospectId: string | null;
  error: string;
}

/**
 * POST /api/intake/adf: one result per `<prospect>`, in document order. Prospects are taken one
 * by one: a refused prospect does not stop the others.
 */
export interface AdfIntakeResponse {
  results: ((IntakeResult & { prospectId: string | null }) | AdfProspectRefusal)[];
}
