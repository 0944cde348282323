import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseNote } from '../../core/mapping/notes';

/**
 * A mapping's note: the ones ISMAP Hub wrote (bundled and derived sets) in the UI language; NIST's own wording and
 * notes people typed as written, marked with their language when it is not the UI's.
 */
export function MappingNote({ note }: { note: string }) {
  const { t, i18n } = useTranslation();
  const parsed = parseNote(note);
  if (!parsed)
    return (
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    );
  const text =
    parsed.code === 'nist_tables'
      ? [t('mappingNote.nist_tables', { tables: parsed.tables }), parsed.partial ? t('mappingNote.partial') : null]
          .filter(Boolean)
          .join(' · ')
      : t(`mappingNote.${parsed.code}`, parsed.code === 'iso_clause_tags' ? { tags: parsed.tags } : {});
  return (
    <Text size="xs" c="dimmed">
      {text}
      {parsed.code === 'nist_tables' && parsed.source && (
        <>
          {' · '}
          <span lang="en">
            {i18n.language === 'en' ? '' : `${t('mappingNote.nistWording')}: `}“{parsed.source}”
          </span>
        </>
      )}
    </Text>
  );
}
