import { ActionIcon, Badge, CopyButton, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type React from 'react';
import type { Relationship } from '../api/mappings';

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
              {copied ? (
                <svg
                  width="12"
                  height="12"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="3"
                  aria-hidden="true"
                >
                  <path d="M5 12l5 5L20 7" />
                </svg>
              ) : (
                <svg
                  width="12"
                  height="12"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  aria-hidden="true"
                >
                  <rect x="9" y="9" width="12" height="12" rx="2" />
                  <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
                </svg>
              )}
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

const relColor: Record<Relationship, string> = {
  equal: 'green',
  'subset-of': 'blue',
  'superset-of': 'indigo',
  'intersects-with': 'yellow',
  'no-relationship': 'gray',
};

/** Relationship with its word, not only its colour. */
export function RelBadge({ rel }: { rel: Relationship }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="light"
      color={relColor[rel]}
      style={{ textTransform: 'none', '--badge-color': 'var(--mantine-color-dark-8)' } as React.CSSProperties}
    >
      {t(`mapping.rel.${rel}`)}
    </Badge>
  );
}
