import type { Actor } from '../../../core/identity';
import { abilities, apiTokenPolicy, scopeNames } from '../../../core/policies';
import type { ApiTokenView } from '../../../app/use-cases/api-tokens/list-api-tokens';
import { iso } from '../present';

/** Never the hash: the hint tells tokens apart. */
export const presentApiToken = (t: ApiTokenView, actor: Actor) => ({
  id: t.id,
  name: t.name,
  hint: t.hint,
  orgId: t.orgId,
  access: t.access,
  resources: t.resources,
  scopes: scopeNames(t),
  state: t.state,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  revokedAt: iso(t.revokedAt),
  lastUsedAt: iso(t.lastUsedAt),
  lastUsedIp: t.lastUsedIp,
  abilities: abilities(apiTokenPolicy, actor, t),
});
