import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RemediationEntry } from '../../api/remediation';
import { formatDate } from '../../i18n/format';

// Dark shades only: the badge text keeps AA contrast on white.
const riskColor = { low: 'gray.8', moderate: 'blue.9', high: 'red.9' } as const;

/** Risk, overdue and planned date of an item: always in words (never colour alone). */
export function ItemFlags({ item }: { item: RemediationEntry }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge tt="none" size="sm" variant="outline" color={riskColor[item.risk]} data-testid="risk">
        {t('remediation.riskLabel', { risk: t(`remediation.risk.${item.risk}`) })}
      </Badge>
      {item.flags.overdue && (
        <Badge tt="none" size="sm" color="red.9" variant="filled" data-testid="overdue">
          {t('remediation.overdue', { count: item.flags.daysOverdue })}
        </Badge>
      )}
      {item.flags.overdueMilestones.length > 0 && (
        <Badge tt="none" size="sm" color="red.9" variant="outline" data-testid="milestone-overdue">
          {t('remediation.milestone.overdue')}
        </Badge>
      )}
      <Text size="xs" span>
        {item.plannedCompletion
          ? t('remediation.planned', { date: formatDate(item.plannedCompletion, i18n.language) })
          : t('remediation.noDate')}
      </Text>
    </Group>
  );
}
