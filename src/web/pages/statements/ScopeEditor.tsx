import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../core/catalog/model';
import { serviceModels, tracks, type ServiceModel, type ServiceScope, type Track } from '../../../core/statement/model';

/** What the scope editor edits of a cloud service. */
export interface ServiceForm {
  name: LocalizedText;
  model: ServiceModel;
  track: Track;
  scope: ServiceScope;
  owners: string[];
}

/** Trimmed, with empty languages left out (the API takes `{ ja?, en? }`, never null). */
export const trimText = (t: LocalizedText): { ja?: string; en?: string } => {
  const ja = t.ja?.trim();
  const en = t.en?.trim();
  return { ...(ja ? { ja } : {}), ...(en ? { en } : {}) };
};

/** The form's value as it is sent: blank rows dropped, texts trimmed. */
export function cleanForm(f: ServiceForm): ServiceForm {
  return {
    ...f,
    name: trimText(f.name),
    scope: {
      subServices: f.scope.subServices.map(trimText).filter((s) => s.ja || s.en),
      underlying: f.scope.underlying
        .map((u) => ({
          ...u,
          name: u.name.trim(),
          provider: u.provider?.trim() || null,
          registrationNumber: u.registrationNumber?.normalize('NFKC').trim() || null,
        }))
        .filter((u) => u.name),
      regions: f.scope.regions.map((r) => r.trim()).filter(Boolean),
      systemOverview: trimText(f.scope.systemOverview),
      logicalStructure: trimText(f.scope.logicalStructure),
      populations: trimText(f.scope.populations),
    },
  };
}

/**
 * The scope of the statement (言明の範囲) and the service's description, edited in one form and saved at once
 * (a stale version is refused by the server, and the form keeps what was typed).
 */
export function ScopeEditor({
  initial,
  members,
  readOnly,
  saving,
  onSave,
  newId,
}: {
  initial: ServiceForm;
  members: readonly { userId: string; displayName: string }[];
  readOnly: boolean;
  saving: boolean;
  onSave: (f: ServiceForm) => void;
  newId: () => string;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState<ServiceForm>(initial);
  const scope = f.scope;
  const setScope = (patch: Partial<ServiceScope>) => setF({ ...f, scope: { ...scope, ...patch } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(cleanForm(f));
  };
  const bilingual = (key: 'systemOverview' | 'logicalStructure' | 'populations', help?: string) => (
    <Fieldset legend={t(`scope.${key}`)}>
      {help && (
        <Text size="sm" mb="xs">
          {help}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(['ja', 'en'] as const).map((lang) => (
          <Textarea
            key={lang}
            lang={lang}
            label={`${t(`scope.${key}`)} (${t(`scope.${lang}`)})`}
            autosize
            minRows={3}
            readOnly={readOnly}
            value={scope[key][lang] ?? ''}
            onChange={(e) => setScope({ [key]: { ...scope[key], [lang]: e.currentTarget.value } })}
            data-testid={`${key}-${lang}`}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );

  return (
    <form onSubmit={submit} data-testid="scope-editor">
      <Stack gap="md">
        <Fieldset legend={t('scope.basics')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('services.nameJa')}
              lang="ja"
              value={f.name.ja ?? ''}
              readOnly={readOnly}
              onChange={(e) => setF({ ...f, name: { ...f.name, ja: e.currentTarget.value } })}
            />
            <TextInput
              label={t('services.nameEn')}
              lang="en"
              value={f.name.en ?? ''}
              readOnly={readOnly}
              onChange={(e) => setF({ ...f, name: { ...f.name, en: e.currentTarget.value } })}
            />
            <Select
              label={t('services.model')}
              data={serviceModels.map((m) => ({ value: m, label: t(`services.modelLabel.${m}`) }))}
              value={f.model}
              allowDeselect={false}
              readOnly={readOnly}
              onChange={(v) => v && setF({ ...f, model: v as ServiceModel })}
            />
            <Select
              label={t('services.track')}
              data={tracks.map((m) => ({ value: m, label: t(`services.trackLabel.${m}`) }))}
              value={f.track}
              allowDeselect={false}
              readOnly={readOnly}
              onChange={(v) => v && setF({ ...f, track: v as Track })}
            />
          </SimpleGrid>
          <MultiSelect
            mt="sm"
            label={t('scope.owners')}
            description={t('scope.ownersHelp')}
            data={members.map((m) => ({ value: m.userId, label: m.displayName }))}
            value={f.owners}
            readOnly={readOnly}
            onChange={(owners) => setF({ ...f, owners })}
            data-testid="owners"
          />
        </Fieldset>

        <Fieldset legend={t('scope.subServices')}>
          <Text size="sm" mb="xs">
            {t('scope.subServicesHelp')}
          </Text>
          <Stack gap="xs">
            {scope.subServices.map((s, i) => (
              <Group key={i} align="flex-end" wrap="nowrap" data-testid="sub-service">
                <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
                  {(['ja', 'en'] as const).map((lang) => (
                    <TextInput
                      key={lang}
                      lang={lang}
                      label={`${t('scope.subServices')} ${i + 1} (${t(`scope.${lang}`)})`}
                      value={s[lang] ?? ''}
                      readOnly={readOnly}
                      onChange={(e) =>
                        setScope({
                          subServices: scope.subServices.map((x, j) =>
                            j === i ? { ...x, [lang]: e.currentTarget.value } : x,
                          ),
                        })
                      }
                    />
                  ))}
                </SimpleGrid>
                {!readOnly && (
                  <RemoveButton
                    label={t('scope.removeRow', { n: i + 1 })}
                    onClick={() => setScope({ subServices: scope.subServices.filter((_, j) => j !== i) })}
                  />
                )}
              </Group>
            ))}
            {!readOnly && (
              <Button
                variant="light"
                size="xs"
                w="fit-content"
                onClick={() => setScope({ subServices: [...scope.subServices, { ja: '', en: '' }] })}
                data-testid="add-sub-service"
              >
                {t('scope.addSubService')}
              </Button>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('scope.underlying')}>
          <Text size="sm" mb="xs">
            {t('scope.underlyingHelp')}
          </Text>
          <Stack gap="xs">
            {scope.underlying.map((u, i) => {
              const setU = (patch: Partial<typeof u>) =>
                setScope({ underlying: scope.underlying.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              return (
                <Stack key={u.id} gap={4} data-testid="underlying">
                  <Group align="flex-end" wrap="nowrap">
                    <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                      <TextInput
                        label={`${t('scope.underlyingName')} ${i + 1}`}
                        value={u.name}
                        readOnly={readOnly}
                        onChange={(e) => setU({ name: e.currentTarget.value })}
                      />
                      <TextInput
                        label={`${t('scope.provider')} ${i + 1}`}
                        value={u.provider ?? ''}
                        readOnly={readOnly}
                        onChange={(e) => setU({ provider: e.currentTarget.value })}
                      />
                      <TextInput
                        label={`${t('scope.registrationNumber')} ${i + 1}`}
                        className="mono-input"
                        placeholder="C21-0008-2"
                        value={u.registrationNumber ?? ''}
                        readOnly={readOnly}
                        onChange={(e) => setU({ registrationNumber: e.currentTarget.value })}
                      />
                    </SimpleGrid>
                    {!readOnly && (
                      <RemoveButton
                        label={t('scope.removeRow', { n: i + 1 })}
                        onClick={() => setScope({ underlying: scope.underlying.filter((_, j) => j !== i) })}
                      />
                    )}
                  </Group>
                  {u.name.trim() && !u.registrationNumber?.trim() && (
                    <Text size="xs" c="orange.9">
                      {t('scope.registrationMissing')}
                    </Text>
                  )}
                </Stack>
              );
            })}
            {!readOnly && (
              <Button
                variant="light"
                size="xs"
                w="fit-content"
                onClick={() =>
                  setScope({
                    underlying: [
                      ...scope.underlying,
                      { id: newId(), name: '', provider: null, registrationNumber: null },
                    ],
                  })
                }
                data-testid="add-underlying"
              >
                {t('scope.addUnderlying')}
              </Button>
            )}
          </Stack>
        </Fieldset>

        <TagsInput
          label={t('scope.regions')}
          description={t('scope.regionsHelp')}
          value={scope.regions}
          readOnly={readOnly}
          onChange={(regions) => setScope({ regions })}
          data-testid="regions"
        />
        {bilingual('systemOverview')}
        {bilingual('logicalStructure')}
        {bilingual('populations', t('scope.populationsHelp'))}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={saving} data-testid="save-scope">
              {t('scope.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} mb={4}>
      <svg
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <path d="M6 6l12 12M18 6L6 18" />
      </svg>
    </ActionIcon>
  );
}

export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" classNames={{ title: 'alert-title' }}>
      <Group justify="space-between">
        <Text size="sm">{t('scope.conflict')}</Text>
        <Button size="xs" variant="light" onClick={onReload}>
          {t('scope.reload')}
        </Button>
      </Group>
    </Alert>
  );
}
