import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { useLocaleState, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { raChinese } from './ra-chinese';
import { zh } from './zh';

export const DEFAULT_LOCALE = 'zh-CN';

const messages: Record<string, TranslationMessages> = {
  'zh-CN': { ...raChinese, ...zh },
  en: { ...englishMessages, ...en },
};

/** Chinese first; English for whoever prefers it. React-admin remembers the choice in its store. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages[DEFAULT_LOCALE],
  DEFAULT_LOCALE,
  [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
);

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
export const serverText = (message: unknown): string | undefined => pickText(message, i18nProvider.getLocale());

/** In components: re-renders when the user switches language. */
export const useServerText = () => {
  const [locale] = useLocaleState();
  return (message: unknown): string => pickText(message, locale) ?? '';
};

export const translate = (key: string, options?: Record<string, unknown>): string =>
  i18nProvider.translate(key, options);
