import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../api/catalogs';

/**
 * Text in the UI language. When only the other language exists it is shown, but marked (badge + lang attribute):
 * a missing translation must be visible, never silently replaced (UX notes).
 */
export function LocalizedTitle({ text, fallback }: { text: Localized; fallback?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const other = lang === 'ja' ? 'en' : 'ja';
  if (text[lang]) return <span lang={lang}>{text[lang]}</span>;
  if (text[other])
    return (
      <span lang={other} title={t('catalog.missingTranslation', { lang: t(`catalog.langName.${lang}`) })}>
        <Badge size="xs" variant="outline" color="gray" mr={4} style={{ textTransform: 'none' }}>
          {other.toUpperCase()}
        </Badge>
        {text[other]}
      </span>
    );
  return <span className="missing-translation">{fallback ?? t('catalog.noTitle')}</span>;
}
