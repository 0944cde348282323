import { z } from '@hono/zod-openapi';
import { serviceModels, tracks } from '../../../core/statement/model';
import { Localized } from '../catalogs/schemas';

// Response schemas of the cloud-service endpoints (request schemas are the use cases' own).

export const UnderlyingService = z
  .object({
    id: z.string(),
    name: z.string(),
    provider: z.string().nullable(),
    registrationNumber: z.string().nullable().openapi({ example: 'C21-0008-2' }),
    authorizedOn: z
      .string()
      .nullable()
      .optional()
      .openapi({ example: '2021-09-01', description: 'ISMAP registration date (登録日), when known' }),
  })
  .openapi('UnderlyingService');

export const ServiceScope = z
  .object({
    subServices: z.array(Localized),
    underlying: z.array(UnderlyingService),
    regions: z.array(z.string()),
    systemOverview: Localized,
    logicalStructure: Localized,
    populations: Localized,
  })
  .openapi('ServiceScope');

export const CloudService = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    name: Localized,
    model: z.enum(serviceModels),
    track: z.enum(tracks),
    scope: ServiceScope,
    owners: z.array(z.string()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: z.record(z.string(), z.boolean()),
  })
  .openapi('CloudService');
