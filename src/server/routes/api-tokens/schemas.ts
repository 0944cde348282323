import { z } from '@hono/zod-openapi';
import { API_TOKEN_MAX_DAYS } from '../../../core/api-tokens';
import { tokenAccesses, tokenResources } from '../../../core/policies/token-scopes';

export const ApiTokenOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    hint: z.string().openapi({ example: 'ismap_pat_AbCd', description: 'The prefix and first characters' }),
    orgId: z.uuid().nullable().openapi({ description: 'The organization it acts in; null: platform-wide' }),
    access: z.array(z.enum(tokenAccesses)),
    resources: z.array(z.enum(tokenResources)),
    scopes: z.array(z.string()).openapi({ example: ['catalogs:read'] }),
    state: z.enum(['active', 'expired', 'revoked']),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().openapi({ description: 'Recorded at most once a minute' }),
    lastUsedIp: z.string().nullable(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .openapi('ApiToken');

export const CreateApiTokenRequest = z
  .object({
    name: z.string().min(1).max(100).openapi({ example: 'CI export' }),
    orgId: z.uuid().nullable().optional().openapi({
      description: 'The organization the token acts in (default: the active one); null: platform-wide (administrators)',
    }),
    access: z.array(z.enum(tokenAccesses)).min(1).max(tokenAccesses.length),
    resources: z.array(z.enum(tokenResources)).min(1).max(tokenResources.length),
    expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS),
  })
  .openapi('CreateApiTokenRequest');

export const CreatedApiTokenOut = z
  .object({
    token: z.string().openapi({ description: 'The token itself. Shown this once; only its SHA-256 is stored.' }),
    apiToken: ApiTokenOut,
  })
  .openapi('CreatedApiToken');
