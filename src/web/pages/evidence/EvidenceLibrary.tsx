import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { evidenceKinds } from '../../../core/evidence/model';
import { useEvidenceList, type EvidenceEntry } from '../../api/evidence';
import { ErrorAlert, Loading } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { localTitle } from './title';
import { UploadNew } from './UploadNew';

/** What the search box finds: either title, the owner, a tag (however cased, full- or half-width). */
const norm = (s: string) => s.normalize('NFKC').toLowerCase();
export function matches(e: EvidenceEntry, q: string): boolean {
  if (!q) return true;
  const hay = norm([e.title.ja, e.title.en, e.owner ?? '', ...e.tags].join('\n'));
  return norm(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/**
 * The active CSP organization's evidence library: add a file by drag and drop, find evidence by title, kind and tag
 * (the filters live in the URL, so a view can be shared), open one for its versions and where it is used.
 */
export function EvidenceLibrary() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const tag = params.get('tag') ?? '';
  const retired = params.get('retired') === 'true';
  const list = useEvidenceList(retired);
  const setParam = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const all = useMemo(() => list.data?.evidence ?? [], [list.data]);
  const tags = useMemo(() => [...new Set(all.flatMap((e) => e.tags))].sort(), [all]);
  const shown = all.filter((e) => (!kind || e.kind === kind) && (!tag || e.tags.includes(tag)) && matches(e, q));
  const lang = i18n.language;
  const date = (d: string | null) => (d ? formatDate(d, lang) : t('evidence.open'));

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t('evidence.title')}</Title>
        <Text size="sm">{t('evidence.intro')}</Text>
      </Stack>
      {list.error && <ErrorAlert error={list.error} />}
      {list.data?.abilities.create && <UploadNew maxBytes={list.data.maxFileBytes} />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" component="section" aria-label={t('evidence.filters')}>
        <TextInput
          label={t('evidence.search')}
          description={t('evidence.searchHelp')}
          type="search"
          value={q}
          onChange={(e) => setParam('q', e.currentTarget.value)}
          data-testid="evidence-q"
        />
        <Select
          label={t('evidence.kindFilter')}
          data={[
            { value: '', label: t('evidence.anyKind') },
            ...evidenceKinds.map((k) => ({ value: k, label: t(`evidence.kind.${k}`) })),
          ]}
          value={kind}
          onChange={(v) => setParam('kind', v ?? '')}
          allowDeselect={false}
          data-testid="evidence-kind"
        />
        <Select
          label={t('evidence.tagFilter')}
          data={[{ value: '', label: t('evidence.anyTag') }, ...tags.map((x) => ({ value: x, label: x }))]}
          value={tags.includes(tag) ? tag : ''}
          onChange={(v) => setParam('tag', v ?? '')}
          allowDeselect={false}
          searchable
          data-testid="evidence-tag"
        />
        <Checkbox
          label={t('evidence.showRetired')}
          checked={retired}
          onChange={(e) => setParam('retired', e.currentTarget.checked ? 'true' : '')}
          mt={{ base: 0, md: 'lg' }}
          data-testid="evidence-retired"
        />
      </SimpleGrid>
      {list.isLoading ? (
        <Loading />
      ) : all.length === 0 ? (
        <Text data-testid="evidence-empty">{t('evidence.empty')}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm" role="status" data-testid="evidence-count">
            {t('evidence.shown', { count: shown.length })}
          </Text>
          {shown.length === 0 ? (
            <Text>{t('evidence.noMatch')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760} type="native">
              <Table striped withTableBorder stickyHeader data-testid="evidence-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('evidence.col.title')}</Table.Th>
                    <Table.Th>{t('evidence.col.kind')}</Table.Th>
                    <Table.Th>{t('evidence.col.version')}</Table.Th>
                    <Table.Th>{t('evidence.col.effective')}</Table.Th>
                    <Table.Th>{t('evidence.col.owner')}</Table.Th>
                    <Table.Th>{t('evidence.col.tags')}</Table.Th>
                    <Table.Th>{t('evidence.col.confidentiality')}</Table.Th>
                    <Table.Th>{t('evidence.col.review')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((e) => (
                    <Table.Tr key={e.id} data-evidence={e.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/evidence/${e.id}`} fw={600}>
                          {localTitle(e.title, lang)}
                        </Anchor>
                        {e.retiredAt && (
                          <Badge ml="xs" color="gray" variant="outline">
                            {t('evidence.retired')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{t(`evidence.kind.${e.kind}`)}</Table.Td>
                      <Table.Td className="num">{e.currentVersion}</Table.Td>
                      <Table.Td className="num">
                        {e.effectiveFrom || e.effectiveTo
                          ? t('evidence.period', { from: date(e.effectiveFrom), to: date(e.effectiveTo) })
                          : ''}
                      </Table.Td>
                      <Table.Td>{e.owner ?? ''}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {e.tags.map((x) => (
                            <Badge key={x} variant="light" tt="none">
                              {x}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{t(`evidence.confidentiality.${e.confidentiality}`)}</Table.Td>
                      <Table.Td>{t(`evidence.frequency.${e.reviewFrequency}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Stack>
  );
}
