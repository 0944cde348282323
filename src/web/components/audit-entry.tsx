import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAuditAction } from '../../core/audit-actions';

/** An audit action by its name in the UI language, with the stable action id beside it for filtering. */
export function AuditActionLabel({ action }: { action: string }) {
  const { t } = useTranslation();
  if (!isAuditAction(action)) return <span className="mono">{action}</span>;
  return (
    <span>
      {t(`auditAction.${action}`)}
      <Text component="span" size="xs" c="dimmed" className="mono" display="block">
        {action}
      </Text>
    </span>
  );
}

function value(v: unknown, t: (k: string) => string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'auditDetail.yes' : 'auditDetail.no');
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ') || '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** An event's details as labelled fields (not raw JSON); a field without a label shows its key. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(details);
  if (entries.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <dl className="audit-details">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{i18n.exists(`auditDetail.${k}`) ? t(`auditDetail.${k}`) : k}</dt>
          <dd className={typeof v === 'string' && /^[0-9a-f]{32,}$/.test(v) ? 'mono' : undefined}>{value(v, t)}</dd>
        </div>
      ))}
    </dl>
  );
}
