import { Anchor, Breadcrumbs, Card, Group, SimpleGrid, Stack, Text, Title, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCatalogNode, useCatalogs } from '../../api/catalogs';
import { anyTitle } from '../../components/catalog-text';
import { FlagBadges, NodeId } from '../../components/catalog-bits';
import { ErrorAlert, Loading } from '../../components/status';
import { MappingTable } from './MappingTable';
import { AddMapping } from './AddMapping';
import { MappingSummary } from './MappingSummary';
import { frameworkName, isBaseline } from '../../components/framework-name';

/** One item: where it sits, its text in both languages side by side with sources, and its mappings both ways. */
export function NodePage() {
  const { catalog = '', edition = '', nodeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const catalogs = useCatalogs();
  const q = useCatalogNode(catalog, edition, nodeId);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data!;
  const n = d.node;
  // NIST's own baselines hold the same controls as NIST itself: counting them again would only repeat its row.
  const otherCatalogs = [...new Set((catalogs.data?.editions ?? []).map((e) => e.catalog))].filter(
    (c) => c !== catalog && !(c.startsWith('nist-') && isBaseline(c)),
  );

  return (
    <Stack maw={1200}>
      <Breadcrumbs separator="›" aria-label={t('catalog.ancestors')}>
        <Anchor component={Link} to={`/catalogs/${catalog}/${edition}`} size="sm">
          {frameworkName(catalog, i18n.language)} {edition}
        </Anchor>
        {d.ancestors.map((a) => (
          <Anchor
            key={a.id}
            component={Link}
            to={`/catalogs/${catalog}/${edition}/nodes/${encodeURIComponent(a.id)}`}
            size="sm"
          >
            {a.kind === 'tier' ? (anyTitle(a.title, i18n.language) ?? a.label) : a.label}
          </Anchor>
        ))}
      </Breadcrumbs>
      <Group gap="sm" align="center">
        <Title order={2}>
          <NodeId id={n.label} />
        </Title>
        <Text c="dimmed">{t(`catalog.kind.${n.kind}`, { defaultValue: n.kind })}</Text>
        <FlagBadges flags={n.flags} mandatory={d.mandatory} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="node-texts">
        {(['ja', 'en'] as const).map((lang) => (
          <Card withBorder key={lang} lang={lang}>
            <Text size="xs" fw={700} c="dimmed" mb={4}>
              {t(`catalog.langName.${lang}`)}
            </Text>
            {n.title[lang] ? (
              <Text fw={600}>{n.title[lang]}</Text>
            ) : (
              <Text className="missing-translation" size="sm">
                {t('catalog.missingTranslation', { lang: t(`catalog.langName.${lang}`) })}
              </Text>
            )}
            {n.text[lang] && (
              <Text className="prose" mt="xs" size="sm">
                {n.text[lang]}
              </Text>
            )}
            {n.textSource[lang] && (
              <Text size="xs" c="dimmed" mt="xs">
                {t('catalog.textSource', { source: n.textSource[lang] })}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {n.params.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t('catalog.params')}
          </Title>
          <List size="sm">
            {n.params.map((p, i) => (
              <List.Item key={i}>
                <span className="mono">{String(p.id)}</span> {p.label ? `— ${String(p.label)}` : ''}{' '}
                {Array.isArray(p.values) ? `= ${(p.values as string[]).join(', ')}` : ''}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {n.sourceRefs.length > 0 && (
        <Text size="sm">
          {t('catalog.sourceRefs')}: {n.sourceRefs.join(' · ')}
        </Text>
      )}
      {d.children.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            {t('catalog.children')} ({d.children.length})
          </Title>
          <Group gap="xs">
            {d.children.map((c) => (
              <Anchor
                key={c.id}
                component={Link}
                to={`/catalogs/${catalog}/${edition}/nodes/${encodeURIComponent(c.id)}`}
                className="mono"
                size="sm"
                title={anyTitle(c.title, i18n.language) ?? undefined}
              >
                {c.label}
              </Anchor>
            ))}
          </Group>
        </Card>
      )}
      <Title order={3} size="h4">
        {t('mapping.title')}
      </Title>
      {catalogs.data && <MappingSummary nodeKey={d.key} catalogs={otherCatalogs} />}
      <MappingTable
        title={t('mapping.out')}
        mappings={d.mappingsOut}
        onChange={() => void q.refetch()}
        testId="mappings-out"
      />
      <MappingTable
        title={t('mapping.in')}
        mappings={d.mappingsIn}
        onChange={() => void q.refetch()}
        testId="mappings-in"
      />
      {catalogs.data?.abilities.addMapping && <AddMapping source={d.key} onAdded={() => void q.refetch()} />}
    </Stack>
  );
}
