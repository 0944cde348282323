import { Anchor, Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RemediationEntry } from '../../api/remediation';
import { normalizeIsmapId } from '../../../core/catalog/ids';
import type { BlockerRule } from '../../../core/statement/blockers';
import { sameLink } from './form-draft';
import { linkText } from './MoveMenu';

type Link_ = RemediationEntry['links'][number];
export interface CurrentBlocker {
  itemId: string | null;
  rule: BlockerRule;
}

const blockerKey = (b: CurrentBlocker) => `${b.rule}|${b.itemId ?? ''}`;

/**
 * What an item clears: links to blockers readiness reports (rule + item) and to statement items, each with whether
 * it is cleared now; a statement item links by its id however typed (`9.2.3.11pb`).
 */
export function LinksEditor(p: {
  statementId: string;
  links: readonly Link_[];
  linked: RemediationEntry['linked'];
  blockers: readonly CurrentBlocker[];
  readOnly: boolean;
  onChange: (next: Link_[]) => void;
}) {
  const { t } = useTranslation();
  const [itemId, setItemId] = useState('');
  const cleared = (l: Link_) => p.linked.find((x) => sameLink(x.link, l))?.cleared;
  const add = (l: Link_) => {
    if (!p.links.some((x) => sameLink(x, l))) p.onChange([...p.links, l]);
  };
  const free = p.blockers.filter(
    (b) => !p.links.some((l) => l.kind === 'blocker' && l.rule === b.rule && l.target === b.itemId),
  );
  return (
    <Stack gap="xs" data-testid="links">
      {p.links.length === 0 ? (
        <Text size="sm">{t('remediation.link.none')}</Text>
      ) : (
        <ul className="blocker-list">
          {p.links.map((l, i) => {
            const c = cleared(l);
            const what = linkText(t, l);
            return (
              <li key={i} data-kind={l.kind}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" span>
                    {what}
                  </Text>
                  {c !== undefined && (
                    <Badge tt="none" size="sm" variant="outline" color={c ? 'teal.9' : 'red.9'} data-cleared={c}>
                      {c ? t('remediation.link.cleared') : t('remediation.link.open')}
                    </Badge>
                  )}
                  {l.kind !== 'finding' && l.target && (
                    <Anchor
                      component={Link}
                      to={`/statements/${p.statementId}?item=${encodeURIComponent(l.target)}`}
                      size="sm"
                    >
                      {t('remediation.link.openItem', { item: l.target })}
                    </Anchor>
                  )}
                  {!p.readOnly && (
                    <Button
                      size="compact-xs"
                      variant="default"
                      c="red.9"
                      onClick={() => p.onChange(p.links.filter((_, k) => k !== i))}
                      aria-label={t('remediation.link.remove', { what })}
                    >
                      ×
                    </Button>
                  )}
                </Group>
              </li>
            );
          })}
        </ul>
      )}
      {!p.readOnly && (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            label={t('remediation.link.addItem')}
            value={itemId}
            onChange={(e) => setItemId(e.currentTarget.value)}
            w={200}
            className="mono"
          />
          <Button
            variant="default"
            size="sm"
            disabled={!normalizeIsmapId(itemId)}
            onClick={() => {
              const id = normalizeIsmapId(itemId);
              if (id) add({ kind: 'statement_item', target: id, rule: null });
              setItemId('');
            }}
          >
            {t('remediation.link.addItemButton')}
          </Button>
          {free.length > 0 && (
            <Select
              label={t('remediation.link.addBlocker')}
              data={free.slice(0, 500).map((b) => ({
                value: blockerKey(b),
                label: `${b.itemId ?? t('remediation.link.statementLevel')} — ${t(`blockerRule.${b.rule}`)}`,
              }))}
              value={null}
              searchable
              onChange={(v) => {
                const b = free.find((x) => blockerKey(x) === v);
                if (b) add({ kind: 'blocker', rule: b.rule, target: b.itemId });
              }}
              w={320}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </Group>
      )}
    </Stack>
  );
}
