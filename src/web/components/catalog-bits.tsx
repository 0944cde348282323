import { ActionIcon, Badge, CopyButton, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Relationship } from '../api/catalog';

/** Ids are first-class: monospace, copyable. */
export function NodeId({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <span className="mono">{id}</span>
      <CopyButton value={id}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('catalog.copyId')}>
            <ActionIcon size="xs" variant="subtle" onClick={copy} aria-label={`${t('catalog.copyId')}: ${id}`}>
              {copied ? '✓' : '⧉'}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

export function FlagBadges({ flags, mandatory }: { flags: string[]; mandatory?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} component="span">
      {mandatory && (
        <Badge size="xs" color="red" variant="light">
          {t('catalog.flag.mandatory')}
        </Badge>
      )}
      {flags.map((f) => (
        <Badge key={f} size="xs" variant="outline" color={f === 'B' ? 'red' : f === 'P' ? 'teal' : 'gray'}>
          {['P', 'B', 'withdrawn'].includes(f) ? t(`catalog.flag.${f}`) : f}
        </Badge>
      ))}
    </Group>
  );
}

const relColor: Record<Relationship, string> = { equal: 'green', 'subset-of': 'blue', 'superset-of': 'indigo', 'intersects-with': 'yellow', 'no-relationship': 'gray' };

/** Relationship with its word, not only its colour. */
export function RelBadge({ rel }: { rel: Relationship }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={relColor[rel]} style={{ textTransform: 'none' }}>
      {t(`mapping.rel.${rel}`)}
    </Badge>
  );
}
