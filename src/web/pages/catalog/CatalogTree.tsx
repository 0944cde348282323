import { Alert, Anchor, Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { editionExportHref, useCatalogChildren, useCatalogs, type TreeNode } from '../../api/catalogs';
import { anyTitle } from '../../components/catalog-text';
import { frameworkName } from '../../components/framework-name';
import { FlagBadges } from '../../components/catalog-bits';
import { LocalizedTitle } from '../../components/localized';
import { ErrorAlert, Loading } from '../../components/status';

/** The catalog as a tree: children load when a branch opens; each branch shows how many items sit below it by kind. */
export function CatalogTree() {
  const { catalog = '', edition = '' } = useParams();
  const { t, i18n } = useTranslation();
  const heading = t('catalog.tree', { name: frameworkName(catalog, i18n.language), edition });
  const canImport = useCatalogs().data?.abilities.importText ?? false;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{heading}</Title>
        <Group>
          <Button component="a" variant="default" size="xs" href={editionExportHref(catalog, edition)} download>
            {t('catalog.export')}
          </Button>
          {catalog === 'ismap' && (
            <Button
              component="a"
              variant="default"
              size="xs"
              href={editionExportHref(catalog, edition, 'basic')}
              download
            >
              {t('catalog.exportBasic')}
            </Button>
          )}
        </Group>
      </Group>
      {catalog === 'ismap' && (
        <Alert color="blue" variant="light">
          {t('catalog.notImported')}{' '}
          {canImport && (
            <Anchor component={Link} to="/catalogs/import">
              {t('catalog.importNow')}
            </Anchor>
          )}
        </Alert>
      )}
      <div role="tree" aria-label={heading} data-testid="catalog-tree">
        <Branch catalog={catalog} edition={edition} parent={null} level={1} />
      </div>
    </Stack>
  );
}

function Branch({
  catalog,
  edition,
  parent,
  level,
}: {
  catalog: string;
  edition: string;
  parent: string | null;
  level: number;
}) {
  const q = useCatalogChildren(catalog, edition, parent);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <div role="group">
      {q.data!.nodes.map((n) => (
        <Row key={n.node.id} catalog={catalog} edition={edition} item={n} level={level} />
      ))}
    </div>
  );
}

function Row({ catalog, edition, item, level }: { catalog: string; edition: string; item: TreeNode; level: number }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(level === 1 && item.node.kind === 'tier');
  const n = item.node;
  const title = anyTitle(n.title, i18n.language);

  const below = Object.entries(item.descendants)
    .map(([k, c]) => `${t(`catalog.kind.${k}`, { defaultValue: k })} ${c}`)
    .join(' · ');
  return (
    <div role="treeitem" aria-level={level} aria-expanded={item.childCount ? open : undefined} aria-selected={false}>
      <Group gap="xs" wrap="nowrap" py={3} pl={(level - 1) * 20}>
        {item.childCount > 0 ? (
          <UnstyledButton
            onClick={() => setOpen(!open)}
            aria-label={t(open ? 'catalog.collapse' : 'catalog.expand', { label: n.label })}
            w={20}
            ta="center"
          >
            {open ? '▾' : '▸'}
          </UnstyledButton>
        ) : (
          <span style={{ width: 20 }} />
        )}
        {n.kind === 'tier' ? (
          <Anchor
            component={Link}
            to={`/catalogs/${catalog}/${edition}/nodes/${encodeURIComponent(n.id)}`}
            size="sm"
            fw={700}
          >
            {title ?? n.label}
          </Anchor>
        ) : (
          <>
            <Anchor
              component={Link}
              to={`/catalogs/${catalog}/${edition}/nodes/${encodeURIComponent(n.id)}`}
              className="mono"
              size="sm"
            >
              {n.label}
            </Anchor>
            <Text size="sm" component="span">
              <LocalizedTitle text={n.title} />
            </Text>
          </>
        )}
        <FlagBadges flags={n.flags} mandatory={item.mandatory && n.kind !== 'tier'} />
        {below && (
          <Text size="xs" c="dimmed">
            {below}
          </Text>
        )}
      </Group>
      {open && item.childCount > 0 && <Branch catalog={catalog} edition={edition} parent={n.id} level={level + 1} />}
    </div>
  );
}
