import type { ChannelKind } from '@autofunnel/shared';

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  phone: 'Phone line',
  web: 'Website form',
  messenger: 'Messenger',
  partner: 'Media partner',
};
