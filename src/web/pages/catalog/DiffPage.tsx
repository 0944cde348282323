import { Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { anyTitle, type CatalogNode } from '../../api/catalog';
import { ErrorAlert, Loading } from '../../components/status';
import { useCatalogs } from './CatalogList';

interface Diff {
  added: CatalogNode[];
  removed: CatalogNode[];
  changed: { id: string; fields: string[]; before: CatalogNode; after: CatalogNode }[];
  unchangedCount: number;
}

export function DiffPage() {
  const { catalog = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const catalogs = useCatalogs();
  const editions = (catalogs.data?.editions ?? []).filter((e) => e.catalog === catalog).map((e) => e.edition);
  const from = params.get('from') ?? editions[1] ?? '';
  const to = params.get('to') ?? editions[0] ?? '';
  const q = useQuery({ queryKey: ['diff', catalog, from, to], queryFn: () => api<Diff>('GET', `/catalogs/${catalog}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`), enabled: !!from && !!to && from !== to });
  const link = (edition: string, n: CatalogNode) => (
    <Anchor component={Link} to={`/catalogs/${catalog}/${edition}/nodes/${encodeURIComponent(n.id)}`} className="mono" size="sm">
      {n.label}
    </Anchor>
  );
  const list = (title: string, nodes: CatalogNode[], edition: string, testId: string) => (
    <Card withBorder data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Table>
        <Table.Tbody>
          {nodes.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td w={200}>{link(edition, n)}</Table.Td>
              <Table.Td>{anyTitle(n.title, i18n.language) ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('diff.title', { catalog })}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setParams({ from: String(f.get('from')), to: String(f.get('to')) });
        }}
      >
        <Group align="flex-end">
          <Select name="from" label={t('diff.from')} data={editions} defaultValue={from || null} key={`f${from}`} w={200} />
          <Select name="to" label={t('diff.to')} data={editions} defaultValue={to || null} key={`t${to}`} w={200} />
          <Button type="submit">{t('diff.show')}</Button>
        </Group>
      </form>
      {q.isLoading && <Loading />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && (
        <>
          <Text size="sm">{t('diff.unchanged', { count: q.data.unchangedCount })}</Text>
          {list(t('diff.added', { count: q.data.added.length }), q.data.added, to, 'diff-added')}
          {list(t('diff.removed', { count: q.data.removed.length }), q.data.removed, from, 'diff-removed')}
          <Card withBorder data-testid="diff-changed">
            <Title order={3} size="h5" mb="xs">
              {t('diff.changed', { count: q.data.changed.length })}
            </Title>
            <Table>
              <Table.Tbody>
                {q.data.changed.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td w={200}>{link(to, c.after)}</Table.Td>
                    <Table.Td className="mono">{c.fields.join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </>
      )}
    </Stack>
  );
}
