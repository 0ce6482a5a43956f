import { createHash } from 'node:crypto';

/**
 * A UUID derived from text (version-8 layout): the same text always gives the same id, so a
 * retried import or a re-run seed addresses the same streams instead of creating new ones.
 */
export const uuidFrom = (text: string): string => {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
