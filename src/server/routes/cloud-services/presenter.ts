import type { Actor } from '../../../core/identity';
import { abilities, cloudServicePolicy } from '../../../core/policies';
import type { CloudService } from '../../../core/statement/model';

/** A service with what the caller may do with it. */
export const presentCloudService = (s: CloudService, actor: Actor) => ({
  ...s,
  abilities: abilities(cloudServicePolicy, actor, s),
});
