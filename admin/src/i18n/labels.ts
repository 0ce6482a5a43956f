/**
 * One language of a server-side label map (`{ key: { zh, en } }`, e.g. UNIT_TYPE_LABELS): the admin
 * shows the same words as the server's exports and messages, kept in one place.
 */
export const inLanguage = <Key extends string>(
  labels: Record<Key, { zh: string; en: string }>,
  language: 'zh' | 'en',
): Record<Key, string> =>
  Object.fromEntries(
    Object.entries<{ zh: string; en: string }>(labels).map(([key, label]) => [key, label[language]]),
  ) as Record<Key, string>;
