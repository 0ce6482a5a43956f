import polyglotI18nProvider from 'ra-i18n-polyglot';
import { useLocaleState, type I18nProvider, type TranslationMessages } from 'react-admin';
import type { FeatureMessages, MessageTree } from './merge';
import { appMessages } from './messages';

export const DEFAULT_LOCALE = 'zh-CN';

const LOCALES = [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
];

const polyglot = (messages: Record<string, MessageTree>) =>
  polyglotI18nProvider(
    (locale) => (messages[locale] ?? messages[DEFAULT_LOCALE]) as TranslationMessages,
    DEFAULT_LOCALE,
    LOCALES,
  );

/**
 * The provider in use, for code outside React (data and auth providers, see translate). The kernel's
 * messages alone until App makes the app's from every feature's (createI18nProvider), before the first render.
 */
const kernelOnly = appMessages([]);
let current = { messages: kernelOnly, provider: polyglot(kernelOnly) };

/**
 * Chinese first; English for whoever prefers it. React-admin remembers the choice in its store. The
 * messages are react-admin's, the kernel's and each feature's (admin/src/features.ts).
 */
export const createI18nProvider = (features: readonly FeatureMessages[]): I18nProvider => {
  const messages = appMessages(features);
  current = { messages, provider: polyglot(messages) };
  return current.provider;
};

/** The keys under one branch of the messages, e.g. `choices.event`: every event type the app has a label for. */
export const messageKeys = (branch: string): string[] => {
  const node = branch
    .split('.')
    .reduce<unknown>((tree, key) => (tree as MessageTree | undefined)?.[key], current.messages[DEFAULT_LOCALE]);
  return node && typeof node === 'object' ? Object.keys(node) : [];
};

export interface Bilingual {
  zh: string;
  en: string;
}

/** The server speaks both languages in each message: pick the one the user reads. */
export const pickText = (message: unknown, locale: string): string | undefined => {
  if (typeof message === 'string') return message;
  if (!message || typeof message !== 'object') return undefined;
  const text = message as Partial<Bilingual>;
  return (locale.startsWith('zh') ? text.zh : text.en) ?? text.zh ?? text.en;
};

/** Outside React (data and auth providers): the provider's current locale. */
export const serverText = (message: unknown): string | undefined => pickText(message, current.provider.getLocale());

/** In components: re-renders when the user switches language. */
export const useServerText = () => {
  const [locale] = useLocaleState();
  return (message: unknown): string => pickText(message, locale) ?? '';
};

export const translate = (key: string, options?: Record<string, unknown>): string =>
  current.provider.translate(key, options);
