/** A part of the message tree: `{ resources: { units: { name: '单位' } } }`, leaves are polyglot strings. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** A feature's part of the message tree in each language (en has the same keys as zh: its type says so). */
export interface FeatureMessages {
  zh: MessageTree;
  en: MessageTree;
}

const isTree = (value: unknown): value is MessageTree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const mergeInto = (target: MessageTree, part: MessageTree, path: string): void => {
  for (const [key, value] of Object.entries(part)) {
    const at = path ? `${path}.${key}` : key;
    const existing = target[key];
    if (existing === undefined && !isTree(value)) target[key] = value;
    else if (existing === undefined || (isTree(existing) && isTree(value))) {
      // A copy of each branch, so that merging never changes a part.
      const branch = (target[key] ??= {}) as MessageTree;
      mergeInto(branch, value as MessageTree, at);
    }
    // Two parts defining one message would make the later one win silently, whichever loads last.
    else throw new Error(`The message "${at}" is defined twice: keep it in one feature's messages, or in the kernel's`);
  }
};

/**
 * Deep-merges parts of the message tree (react-admin's, the kernel's, each feature's) into a new tree.
 * Parts may share branches (`resources`, `commands`, `choices`) but not a message: a key defined twice
 * is a mistake, and is reported with its path.
 */
export const mergeMessages = (parts: readonly object[]): MessageTree => {
  const merged: MessageTree = {};
  for (const part of parts) mergeInto(merged, part as MessageTree, '');
  return merged;
};

/** Merges a feature's parts (e.g. the organisations feature's units, organisations, members, posts). */
export const mergeFeatureMessages = (parts: readonly FeatureMessages[]): FeatureMessages => ({
  zh: mergeMessages(parts.map((part) => part.zh)),
  en: mergeMessages(parts.map((part) => part.en)),
});
