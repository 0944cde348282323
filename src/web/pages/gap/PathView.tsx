import { Anchor, Group, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GapPathLink, GapProposal } from '../../api/gap';
import type { Relationship } from '../../api/mappings';
import { RelBadge } from '../../components/catalog-bits';
import { nodeHref, sourceLabel } from '../../components/catalog-text';
import { frameworkOf } from '../../components/framework-name';

/** `iso27001-2013:2013:A.9.2.3` → "ISO/IEC 27001:2013" and "A.9.2.3" (ISMAP items keep their bare id). */
function NodeRef({ nodeKey }: { nodeKey: string }) {
  const { i18n } = useTranslation();
  const [catalog = '', edition = '', ...rest] = nodeKey.split(':');
  const id = rest.join(':');
  const framework = catalog === 'ismap' ? 'ISMAP' : frameworkOf(`${catalog}:${edition}`, i18n.language);
  return (
    <Anchor component={Link} to={nodeHref(nodeKey)} size="sm">
      <Text span size="xs">
        {framework}
      </Text>{' '}
      <span className="mono">{id}</span>
    </Anchor>
  );
}

const provenanceText = (l: GapPathLink, setTitles: ReadonlyMap<string, string>) => {
  const document = typeof l.provenance['document'] === 'string' ? l.provenance['document'] : '';
  return sourceLabel(document, l.setId ? setTitles.get(l.setId) : undefined);
};

/**
 * One mapping path, hop by hop, source first: each link with its relationship (in words), its method and the
 * document it comes from, and its confidence — so a reader sees why the proposal was made and how strong it is.
 */
export function PathView({
  path,
  setTitles,
}: {
  path: GapProposal['paths'][number];
  setTitles: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Group component="ol" className="gap-path" gap={6} wrap="wrap" aria-label={t('gap.path')} data-testid="gap-path">
      {path.links.map((l, i) => {
        const method = typeof l.provenance['method'] === 'string' ? l.provenance['method'] : '';
        return (
          <Fragment key={i}>
            {i === 0 && (
              <li>
                <NodeRef nodeKey={l.from} />
              </li>
            )}
            <Group component="li" gap={4} wrap="wrap" data-hop={i} data-method={method}>
              <Text span size="xs" aria-hidden>
                →
              </Text>
              <RelBadge rel={l.relationship as Relationship} />
              <Text span size="xs" c="dark.5">
                {t('gap.hop', {
                  method: method ? t(`mapping.method.${method}`, { defaultValue: method }) : '—',
                  document: provenanceText(l, setTitles) || '—',
                  confidence: l.confidence.toFixed(2),
                })}
                {l.inverted ? ` (${t('gap.inverted')})` : ''}
              </Text>
              <Text span size="xs" aria-hidden>
                →
              </Text>
              <NodeRef nodeKey={l.to} />
            </Group>
          </Fragment>
        );
      })}
    </Group>
  );
}
