import type { MessageKey } from '../../../platform/web/messages';
import type { StepChannel } from '../../tables';

/** The message naming each channel of a step, written out so the catalogue test sees every key in use. */
export const CHANNEL_LABELS: Record<StepChannel, MessageKey> = {
  'service-outlet': 'channel.service-outlet',
  online: 'channel.online',
  hotline: 'channel.hotline',
  bank: 'channel.bank',
  employer: 'channel.employer',
  arbitration: 'channel.arbitration',
  hospital: 'channel.hospital',
  other: 'channel.other',
};
