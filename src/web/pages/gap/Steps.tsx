import { Group, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const GAP_STEPS = ['file', 'edition', 'preview', 'proposals', 'report'] as const;
export type GapStep = (typeof GAP_STEPS)[number];

/**
 * Where the user is in the wizard: an ordered list with the current step marked in words (aria-current and a
 * hidden "done"), not by colour alone; it wraps on a phone. The edition step is skipped for an SSP.
 */
export function Steps({ current, skip = [] }: { current: GapStep; skip?: readonly GapStep[] }) {
  const { t } = useTranslation();
  const steps = GAP_STEPS.filter((s) => !skip.includes(s));
  const at = steps.indexOf(current);
  return (
    <nav aria-label={t('gap.steps')}>
      <Group component="ol" gap="xs" wrap="wrap" className="gap-steps" data-testid="gap-steps" data-current={current}>
        {steps.map((s, i) => {
          const done = i < at;
          const here = i === at;
          return (
            <Group component="li" key={s} gap={6} wrap="nowrap" aria-current={here ? 'step' : undefined} data-step={s}>
              <ThemeIcon size={22} radius="xl" color={here ? 'blue.8' : done ? 'teal.8' : 'gray.6'} aria-hidden>
                <span style={{ fontSize: 12 }}>{done ? '✓' : i + 1}</span>
              </ThemeIcon>
              <Text size="sm" fw={here ? 700 : 400}>
                {t(`gap.step.${s}`)}
                {done && <VisuallyHidden> ({t('gap.stepDone')})</VisuallyHidden>}
              </Text>
            </Group>
          );
        })}
      </Group>
    </nav>
  );
}
