import type { Actor } from '../identity';
import { DomainError } from '../errors';

/**
 * A policy is a table of named abilities, each a readable rule over the actor and the resource
 * (the shape follows Outline's `server/policies/`). `abilities()` evaluates every rule so responses can
 * carry them and the UI shows only what the caller may do; `authorize()` throws for one ability.
 * Every policy has a `read` rule: when it is false the object answers 404, never 403.
 */
export interface Policy<R, A extends string> {
  name: string;
  rules: Record<A, (actor: Actor, resource: R) => boolean>;
}

export function definePolicy<R, A extends string>(
  name: string,
  rules: Record<A | 'read', (actor: Actor, resource: R) => boolean>,
): Policy<R, A | 'read'> {
  return { name, rules };
}

export type Abilities<A extends string> = Record<A, boolean>;

export function abilities<R, A extends string>(policy: Policy<R, A>, actor: Actor, resource: R): Abilities<A> {
  const out = {} as Abilities<A>;
  for (const key of Object.keys(policy.rules) as A[]) out[key] = policy.rules[key](actor, resource);
  return out;
}

export function can<R, A extends string>(policy: Policy<R, A>, actor: Actor, ability: A, resource: R): boolean {
  return policy.rules[ability](actor, resource);
}

/**
 * Throws `not_found` when the actor may not even read the resource (so its existence does not leak),
 * and `forbidden` when it may read it but not perform `ability`.
 */
export function authorize<R, A extends string>(
  policy: Policy<R, A | 'read'>,
  actor: Actor,
  ability: A | 'read',
  resource: R,
  label = policy.name,
): void {
  if (!policy.rules.read(actor, resource)) throw new DomainError('not_found', `${label} not found`);
  if (!policy.rules[ability](actor, resource))
    throw new DomainError('forbidden', `You may not ${String(ability)} this ${label}`);
}
