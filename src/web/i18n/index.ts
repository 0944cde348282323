import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';

export type Lang = 'ja' | 'en';
const STORAGE_KEY = 'ismap.lang';

/** Japanese when the user chose it or the browser prefers it; English otherwise. */
export function detectLanguage(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'ja' || saved === 'en') return saved;
  const prefs = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const p of prefs) {
    if (p.toLowerCase().startsWith('ja')) return 'ja';
    if (p.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

export function setLanguage(lang: Lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  // One namespace per feature: each top-level key of the catalogue (audit, catalog, orgs, …). With the namespace
  // separator equal to the key separator, `t('audit.title')` reads key `title` of namespace `audit`.
  resources: { en, ja },
  ns: Object.keys(en),
  defaultNS: 'common',
  nsSeparator: '.',
  lng: detectLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  // A missing key shows as the key itself, loudly, rather than silently falling back to the other language.
  saveMissing: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
