import { Anchor, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCatalogs, useEditionDiff, type CatalogNode, type EditionDiff } from '../../api/catalogs';
import { anyTitle } from '../../components/catalog-text';
import { frameworkName } from '../../components/framework-name';
import { ErrorAlert, Loading } from '../../components/status';

/** A changed field's value as people read it. */
function fieldValue(n: CatalogNode, field: string): string {
  const [name, lang] = field.split('.') as [string, string | undefined];
  if ((name === 'title' || name === 'text') && lang) return n[name][lang as 'ja' | 'en'] ?? '';
  if (name === 'parent') return n.parentId ?? '';
  if (name === 'flags') return n.flags.join(', ');
  if (name === 'params') return n.params.map((p) => String(p['id'] ?? '')).join(', ');
  const v = (n as unknown as Record<string, unknown>)[name];
  return v === undefined || v === null ? '' : String(v);
}

/** Before and after for each changed field, not only its name. */
function FieldChanges({ change }: { change: EditionDiff['changed'][number] }) {
  const { t } = useTranslation();
  return (
    <Table withRowBorders={false} verticalSpacing={2}>
      <Table.Tbody>
        {change.fields.map((f) => (
          <Table.Tr key={f}>
            <Table.Td w={90} className="mono" valign="top">
              {f}
            </Table.Td>
            <Table.Td valign="top">
              <Text size="sm" c="red.9" style={{ whiteSpace: 'pre-wrap' }} data-testid="diff-before">
                <Text span size="xs" fw={600} c="dimmed">
                  {t('diff.before')}:{' '}
                </Text>
                {fieldValue(change.before, f) || '—'}
              </Text>
              <Text size="sm" c="green.9" style={{ whiteSpace: 'pre-wrap' }} data-testid="diff-after">
                <Text span size="xs" fw={600} c="dimmed">
                  {t('diff.after')}:{' '}
                </Text>
                {fieldValue(change.after, f) || '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DiffPage() {
  const { catalog = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const catalogs = useCatalogs();
  const editions = (catalogs.data?.editions ?? []).filter((e) => e.catalog === catalog).map((e) => e.edition);
  const from = params.get('from') ?? editions[1] ?? '';
  const to = params.get('to') ?? editions[0] ?? '';
  const q = useEditionDiff(catalog, from, to);
  const link = (edition: string, n: CatalogNode) => (
    <Anchor
      component={Link}
      to={`/catalogs/${catalog}/${edition}/nodes/${encodeURIComponent(n.id)}`}
      className="mono"
      size="sm"
    >
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
      <Title order={2}>{t('diff.title', { catalog: frameworkName(catalog, i18n.language) })}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          setParams({ from: String(f.get('from')), to: String(f.get('to')) });
        }}
      >
        <Group align="flex-end">
          <Select
            name="from"
            label={t('diff.from')}
            data={editions}
            defaultValue={from || null}
            key={`f${from}`}
            w={200}
          />
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
                  <Table.Tr key={c.id} data-testid="diff-change">
                    <Table.Td w={200} valign="top">
                      {link(to, c.after)}
                    </Table.Td>
                    <Table.Td>
                      <FieldChanges change={c} />
                    </Table.Td>
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
