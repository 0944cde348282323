import type { RemediationItem } from './model';

/** A remediation item for tests: everything set, overridable. */
export const remediationItemOf = (over: Partial<RemediationItem> = {}): RemediationItem => ({
  id: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-0000000000aa',
  statementId: '00000000-0000-4000-8000-0000000000bb',
  title: '5.1.1: basic not implemented',
  description: 'Write and approve the policy',
  owner: 'CISO',
  risk: 'moderate',
  status: 'open',
  plannedCompletion: '2026-06-30',
  actualCompletion: null,
  milestones: [],
  links: [],
  oscalUuid: null,
  version: 1,
  createdAt: '2026-04-01T00:00:00.000Z',
  createdBy: null,
  updatedAt: '2026-04-01T00:00:00.000Z',
  ...over,
});
