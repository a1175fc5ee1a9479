import type { DealType } from '@autofunnel/shared';
import type { IntakeKind } from './intake-request.entity.js';

/** One customer request as any channel delivers it, once read from its format. */
export interface IntakeLead {
  kind: IntakeKind;
  /** The sender's id of the request; the same key twice from one channel is a retry. */
  idempotencyKey: string | null;
  contact: {
    name: string | null;
    /** In order of preference; the first one that reads as a phone number is used. */
    phones: string[];
    email: string | null;
  };
  /** For a call: who answered it (a user's email or phone extension); null when missed. */
  answeredBy: string | null;
  dealType: DealType;
  vehicleInterest: string | null;
  amount: number | null;
  /** The source named by the request itself (an ADF provider), instead of the channel's. */
  sourceName: string | null;
  /** One line for the timeline: the message, the form's text, "Missed call". */
  summary: string;
  /** Everything the sender told us, stored with the request. */
  payload: Record<string, unknown>;
}
