import type { Actor } from '../../../core/identity';
import { abilities, remediationPolicy } from '../../../core/policies';
import { remediationTransitions } from '../../../core/remediation/transitions';
import type { PlanEntry } from '../../../app/use-cases/remediation/plan-view';

/** An item with its flags, linked blockers, the moves the caller may make now and their abilities. */
export const presentRemediationItem = (e: PlanEntry, actor: Actor) => {
  const may = abilities(remediationPolicy, actor, e.item);
  return {
    ...e.item,
    flags: e.flags,
    linked: e.linked,
    moves: may.move ? [...remediationTransitions[e.item.status]] : [],
    abilities: may,
  };
};

export const planAbilities = (orgId: string, actor: Actor) => {
  const may = abilities(remediationPolicy, actor, { orgId });
  return { create: may.create, export: may.export };
};
