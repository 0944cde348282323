import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCatalogs, useSearch } from '../../api/catalogs';
import { nodeHref } from '../../components/catalog-text';
import { ErrorAlert, Loading } from '../../components/status';

/** Search by loose id, English words or Japanese text; the query lives in the URL so results can be shared. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const catalog = params.get('catalog') ?? '';
  const catalogs = useCatalogs();
  const res = useSearch(q, catalog);
  const names = [...new Set((catalogs.data?.editions ?? []).map((e) => e.catalog))];
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('search.title')}</Title>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          next.set('q', String(f.get('q') ?? ''));
          const c = String(f.get('catalog') ?? '');
          if (c) next.set('catalog', c);
          setParams(next);
        }}
      >
        <Group align="flex-end">
          <TextInput
            name="q"
            label={t('search.title')}
            placeholder={t('search.placeholder')}
            defaultValue={q}
            key={q}
            style={{ flex: 1 }}
            data-autofocus
            autoFocus
          />
          <Select
            name="catalog"
            label={t('catalog.catalog')}
            placeholder={t('search.allCatalogs')}
            data={names}
            defaultValue={catalog || null}
            clearable
            w={220}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      {res.isLoading && <Loading />}
      {res.error && <ErrorAlert error={res.error} />}
      {res.data && (
        <>
          <Text size="sm" role="status">
            {res.data.hits.length ? t('search.results', { count: res.data.hits.length }) : t('search.none')}
          </Text>
          {res.data.hits.length === 0 && /[\u3040-\u30ff\u3400-\u9fff]/.test(q) && (
            <Text size="sm">
              {t('search.japaneseHint')}{' '}
              {catalogs.data?.abilities.importText && (
                <Anchor component={Link} to="/catalogs/import">
                  {t('catalog.importNow')}
                </Anchor>
              )}
            </Text>
          )}
          <Table striped highlightOnHover data-testid="search-results">
            <Table.Tbody>
              {res.data.hits.map((h) => (
                <Table.Tr key={h.key}>
                  <Table.Td className="mono" w={220}>
                    <Anchor component={Link} to={nodeHref(h.key)}>
                      {h.label}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {h.catalog} {h.edition}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {h.title ?? ''}
                    </Text>
                    {h.snippet && h.matchedIn === 'text' && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {h.snippet}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td w={120}>
                    <Badge size="xs" variant="light">
                      {t(`search.matchedIn.${h.matchedIn}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {h.baselines && h.baselines.length > 0 && (
                      <Group gap={4}>
                        <Text size="xs" c="dimmed">
                          {t('search.alsoIn')}:
                        </Text>
                        {h.baselines.map((b) => (
                          <Anchor
                            key={b}
                            component={Link}
                            to={`/search?q=${encodeURIComponent(q)}&catalog=${encodeURIComponent(b)}`}
                            size="xs"
                            className="mono"
                          >
                            {b}
                          </Anchor>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
