import type { AdminFeature } from '../common/adminFeature';
import { messages } from './messages';

/** Pairing communities (帮扶共同体): src/pairing. */
export const pairing: AdminFeature = {
  name: 'pairing',
  messages,
};
