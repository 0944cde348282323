import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title, Select, Alert } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCatalogs } from '../../api/catalogs';
import { useMappingPaths, useMappingSets, type MappingPath } from '../../api/mappings';
import { nodeHref, sourceLabel } from '../../components/catalog-text';
import { frameworkName, frameworkOf } from '../../components/framework-name';
import { RelBadge } from '../../components/catalog-bits';
import { ErrorAlert, Loading } from '../../components/status';
import { MappingSetsPanel } from './MappingSetsPanel';

const short = (key: string) => {
  const [catalog, , ...id] = key.split(':');
  return `${catalog}:${id.join(':')}`;
};

/** Every path from one item to another framework, each link with its provenance, grouped by target item. */
export function MappingPathsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const via = params.get('via') ?? '';
  const catalogs = useCatalogs();
  const names = [...new Set((catalogs.data?.editions ?? []).map((e) => e.catalog))];
  const q = useMappingPaths(from, to, via);
  const sets = useMappingSets();
  const setTitles = new Map((sets.data?.sets ?? []).map((s) => [s.id, s.title]));
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('mapping.title')}</Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          for (const k of ['from', 'to', 'via']) {
            const v = String(f.get(k) ?? '').trim();
            if (v) next.set(k, v);
          }
          setParams(next);
        }}
      >
        <Group align="flex-end">
          <TextInput
            name="from"
            label={t('mapping.from')}
            defaultValue={from}
            key={`f${from}`}
            placeholder="ismap:9.2.3"
            required
            w={240}
          />
          <Select
            name="to"
            label={t('mapping.to')}
            data={names.map((n) => ({ value: n, label: frameworkName(n, i18n.language) }))}
            defaultValue={to || 'nist-800-53r5'}
            key={`t${to}`}
            searchable
            w={240}
          />
          <TextInput
            name="via"
            label={t('mapping.via')}
            defaultValue={via}
            key={`v${via}`}
            placeholder="iso27001-2013,nist-800-53r5"
            style={{ flex: 1 }}
          />
          <Button type="submit">{t('mapping.find')}</Button>
        </Group>
      </form>
      <Text size="sm" c="dimmed">
        {t('mapping.explain')}
      </Text>
      {q.isLoading && <Loading />}
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && (
        <Stack data-testid="mapping-paths">
          <Text fw={600}>
            <span className="mono">{short(q.data.from)}</span> →{' '}
            <span title={q.data.toCatalog} data-testid="paths-to">
              {frameworkOf(q.data.toCatalog, i18n.language)}
            </span>
            : {t('mapping.targets', { count: q.data.targets.length })},{' '}
            {t('mapping.paths', { count: q.data.paths.length })}
          </Text>
          {q.data.truncated && <Alert color="yellow">{t('mapping.truncated')}</Alert>}
          {q.data.paths.length === 0 && (
            <Alert color="yellow" data-testid="mapping-hint">
              {t('mapping.noPath')} {q.data.hint ?? ''}
            </Alert>
          )}
          {q.data.targets.map((tg) => (
            <Card withBorder key={tg.target} data-testid="mapping-target">
              <Group gap="sm">
                <Anchor component={Link} to={nodeHref(tg.target)} className="mono" fw={700}>
                  {short(tg.target)}
                </Anchor>
                <RelBadge rel={tg.relationship} />
                <Text size="sm">
                  {t('mapping.confidence')} {tg.confidence.toFixed(2)} · {t(`mapping.method.${tg.method}`)}
                </Text>
              </Group>
              {tg.paths.map((p, i) => (
                <PathLine key={i} path={p} setTitles={setTitles} />
              ))}
            </Card>
          ))}
        </Stack>
      )}
      <MappingSetsPanel />
    </Stack>
  );
}

function PathLine({ path, setTitles }: { path: MappingPath; setTitles: Map<string, string> }) {
  const source = (l: MappingPath['links'][number]) =>
    sourceLabel(l.provenance.document, l.setId ? setTitles.get(l.setId) : undefined);
  const { t } = useTranslation();
  return (
    <Group gap={6} mt={6} wrap="wrap" aria-label={t('mapping.path')}>
      {path.links.map((l, i) => (
        <Fragment key={i}>
          {i === 0 && (
            <Anchor component={Link} to={nodeHref(l.from)} className="mono" size="sm">
              {short(l.from)}
            </Anchor>
          )}
          <Text span size="xs" title={`${t(`mapping.method.${l.provenance.method}`)} · ${source(l)} · ${l.confidence}`}>
            ─<RelBadge rel={l.relationship} />→
          </Text>
          <Anchor component={Link} to={nodeHref(l.to)} className="mono" size="sm">
            {short(l.to)}
          </Anchor>
        </Fragment>
      ))}
      <Text size="xs" c="dimmed">
        ({[...new Set(path.links.map(source).filter(Boolean))].join(' / ')})
      </Text>
    </Group>
  );
}
