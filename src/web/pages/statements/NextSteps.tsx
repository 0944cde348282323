import { Anchor, Card, List, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export interface Step {
  key: 'stepCreate' | 'stepScope' | 'stepStatement' | 'stepImport' | 'stepInvite';
  done: boolean;
  /** Where the step is done; absent when it is done on this page. */
  to?: string;
}

/**
 * An empty workspace teaches what comes next: the steps in the order of work, each marked done or not in words
 * (not colour alone) and linking to where it is done.
 */
export function NextSteps({ title, text, steps }: { title: string; text: string; steps: readonly Step[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="next-steps">
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      <Text size="sm" mb="sm">
        {text}
      </Text>
      <Text size="sm" fw={600} mb={4}>
        {t('empty.steps')}
      </Text>
      <List spacing="xs" type="ordered">
        {steps.map((s) => (
          <List.Item
            key={s.key}
            data-step={s.key}
            data-done={s.done || undefined}
            icon={
              <ThemeIcon size={20} radius="xl" color={s.done ? 'teal.8' : 'gray.6'} aria-hidden>
                <span style={{ fontSize: 11 }}>{s.done ? '✓' : '·'}</span>
              </ThemeIcon>
            }
          >
            {s.to && !s.done ? (
              <Anchor component={Link} to={s.to}>
                {t(`empty.${s.key}`)}
              </Anchor>
            ) : (
              <Text span size="sm" td={s.done ? 'line-through' : undefined}>
                {t(`empty.${s.key}`)}
                {s.done && <VisuallyHidden> ({t('empty.done')})</VisuallyHidden>}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
