import { Alert, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { differingFields, fieldValue, mergeDrafts, type DraftField, type ItemDraft } from './item-draft';

/**
 * Two people saved the same item: the other person's version is stored, this person's is not. Both are shown side
 * by side, field by field, and the user keeps one or merges them field by field. Nothing is overwritten until then.
 */
export function ConflictView({
  yours,
  theirs,
  label,
  onResolve,
}: {
  yours: ItemDraft;
  theirs: ItemDraft;
  label: (f: DraftField, value: string) => string;
  onResolve: (keep: ItemDraft) => void;
}) {
  const { t } = useTranslation();
  const fields = differingFields(yours, theirs);
  const [merging, setMerging] = useState(false);
  const [pick, setPick] = useState<Partial<Record<DraftField, 'yours' | 'theirs'>>>({});
  const fieldName = (f: DraftField) =>
    f === 'controlJa'
      ? `${t('item.control')} (${t('item.ja')})`
      : f === 'controlEn'
        ? `${t('item.control')} (${t('item.en')})`
        : t(`item.${f}`);
  return (
    <Alert
      color="orange"
      role="alert"
      classNames={{ title: 'alert-title' }}
      title={t('item.conflictTitle')}
      data-testid="conflict-view"
    >
      <Stack gap="sm">
        <Text size="sm">{t('item.conflictText')}</Text>
        <Table.ScrollContainer minWidth={480} type="native">
          <Table withTableBorder withColumnBorders verticalSpacing="xs" data-testid="conflict-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('item.field')}</Table.Th>
                <Table.Th scope="col">{t('item.yours')}</Table.Th>
                <Table.Th scope="col">{t('item.theirs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f} data-field={f}>
                  <Table.Th scope="row">{fieldName(f)}</Table.Th>
                  {(['yours', 'theirs'] as const).map((side) => {
                    const value = label(f, fieldValue(side === 'yours' ? yours : theirs, f));
                    return (
                      <Table.Td key={side} className="prose" data-side={side}>
                        {merging ? (
                          <Radio
                            name={`merge-${f}`}
                            value={side}
                            checked={(pick[f] ?? 'yours') === side}
                            onChange={() => setPick({ ...pick, [f]: side })}
                            label={value || t('editor.none')}
                          />
                        ) : (
                          value || t('editor.none')
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {merging ? (
          <Group>
            <Text size="sm">{t('item.mergeHint')}</Text>
            <Button size="xs" onClick={() => onResolve(mergeDrafts(yours, theirs, pick))} data-testid="save-merged">
              {t('item.saveMerged')}
            </Button>
          </Group>
        ) : (
          <Group>
            <Button size="xs" onClick={() => onResolve(yours)} data-testid="keep-yours">
              {t('item.keepYours')}
            </Button>
            <Button size="xs" variant="default" onClick={() => onResolve(theirs)} data-testid="keep-theirs">
              {t('item.keepTheirs')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setMerging(true)} data-testid="merge">
              {t('item.merge')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
