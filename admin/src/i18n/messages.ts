import englishMessages from 'ra-language-english';
import { en } from './en.js';
import { mergeMessages, type FeatureMessages, type MessageTree } from './merge.js';
import { raChinese } from './ra-chinese.js';
import { zh } from './zh.js';

/**
 * The app's messages in each language: react-admin's, the kernel's (zh.ts, en.ts) and every feature's
 * part (admin/src/features.ts), deep-merged; a message defined twice is an error.
 */
export const appMessages = (features: readonly FeatureMessages[]): Record<'zh-CN' | 'en', MessageTree> => ({
  'zh-CN': mergeMessages([raChinese, zh, ...features.map((feature) => feature.zh)]),
  en: mergeMessages([englishMessages, en, ...features.map((feature) => feature.en)]),
});
