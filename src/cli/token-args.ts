import { UsageError } from './command';
import { DomainError } from '../core/errors';
import { tokenAccesses, tokenResources, type TokenAccess, type TokenResource } from '../core/policies/token-scopes';
import { API_TOKEN_MAX_DAYS } from '../core/api-tokens';
import type { Runtime } from './runtime';

/** A comma-separated list, each value one of `allowed` ("all" for every one). */
export function listOption<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[]): T[] {
  if (!raw) throw new UsageError(`--${flag} is required (${allowed.join(', ')}; or all)`);
  if (raw.trim() === 'all') return [...allowed];
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length || !items.length)
    throw new UsageError(`--${flag}: unknown ${bad.join(', ') || 'value'} (choose from ${allowed.join(', ')}, or all)`);
  return items as T[];
}

export const accessOption = (raw: string | undefined): TokenAccess[] => listOption('access', raw, tokenAccesses);
export const resourcesOption = (raw: string | undefined): TokenResource[] =>
  listOption('resources', raw, tokenResources);

export function daysOption(raw: string | undefined): number {
  const n = Number(raw);
  if (!raw || !Number.isInteger(n) || n < 1 || n > API_TOKEN_MAX_DAYS)
    throw new UsageError(`--expires-days is required: 1–${API_TOKEN_MAX_DAYS}`);
  return n;
}

export async function userByEmail(runtime: Runtime, email: string) {
  const user = await runtime.deps.uow.read.users.getByEmail(email);
  if (!user) throw new DomainError('not_found', `No user has the email ${email}`);
  return user;
}
