/**
 * Every action the audit log records. A use case can only record one of these (`recordAudit` takes an
 * `AuditAction`), and the web app has a label for each in both languages (src/web/i18n/locales.test.ts), so a new
 * action cannot reach the log without a name people can read.
 */
export const auditActions = [
  'audit.export',
  'catalog.import_text',
  'cloud_service.create',
  'cloud_service.update',
  'cloud_service.delete',
  'catalog.sync',
  'invitation.create',
  'invitation.revoke',
  'invitation.accept',
  'invitation.decline',
  'mapping.create',
  'mapping.delete',
  'mapping_set.derive',
  'mapping_set.import',
  'mapping_set.publish',
  'mapping_set.unpublish',
  'mapping_set.sync',
  'membership.create',
  'membership.update',
  'membership.delete',
  'organization.create',
  'organization.update',
  'session.create',
  'statement.create',
  'statement.update',
  'statement.transition',
  'statement.item_update',
  'statement.bulk_update',
  'statement.import',
  'statement.migrate_edition',
  'statement.export',
  'session.revoke',
  'session.sign_in_failed',
  'session.sign_in_blocked',
  'sso.configure',
  'sso.link',
  'sso.sign_in_failed',
  'user.create',
  'user.change_password',
  'user.change_password_failed',
  'user.change_password_blocked',
  'user.reset_password',
  'user.disable',
  'user.enable',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const isAuditAction = (s: string): s is AuditAction => (auditActions as readonly string[]).includes(s);
