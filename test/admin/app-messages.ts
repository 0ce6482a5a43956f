import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureMessages, MessageTree } from '../../admin/src/i18n/merge.js';
import { appMessages } from '../../admin/src/i18n/messages.js';
import { ROOT } from '../support/processes.js';

const ADMIN_SRC = join(ROOT, 'admin', 'src');

/**
 * The features admin/src/features.ts lists, in its order, by folder. The list itself imports screens
 * (JSX, lazily loaded chunks) that only the admin's build can load, so it is read as text here: each
 * name in the list and the folder its `import { name } from './<folder>/feature'` names.
 */
export const listedFeatures = (): string[] => {
  const source = readFileSync(join(ADMIN_SRC, 'features.ts'), 'utf8');
  const folderOf = new Map(
    [...source.matchAll(/import \{ (\w+) \} from '\.\/([\w/-]+)\/feature'/g)].map((m) => [m[1], m[2]]),
  );
  const list = /export const features[^=]*=\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
  return list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => folderOf.get(name) ?? `(no import for ${name})`);
};

/** The app's messages in both languages, merged as the i18n provider merges them (admin/src/i18n/messages.ts). */
export const loadAppMessages = async (): Promise<{ zh: MessageTree; en: MessageTree }> => {
  // Each feature's part lives in <folder>/messages.ts (its feature.ts passes it on as `messages`).
  const parts: FeatureMessages[] = [];
  for (const folder of listedFeatures())
    parts.push(((await import(join(ADMIN_SRC, folder, 'messages.ts'))) as { messages: FeatureMessages }).messages);
  const merged = appMessages(parts);
  return { zh: merged['zh-CN'], en: merged.en };
};
