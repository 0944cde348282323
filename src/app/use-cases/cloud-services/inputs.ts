import { z } from 'zod';
import { serviceModels, tracks } from '../../../core/statement/model';

/** Request shapes shared by the cloud-service use cases (the server's OpenAPI schemas are these). */
export const localizedText = (max: number) =>
  z.object({ ja: z.string().max(max).nullable().optional(), en: z.string().max(max).nullable().optional() }).strict();

export const serviceName = z
  .object({ ja: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
  .strict();

export const underlyingServiceInput = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, dot, dash or underscore'),
    name: z.string().trim().min(1).max(200),
    provider: z.string().trim().max(200).nullable().default(null),
    registrationNumber: z.string().trim().max(40).nullable().default(null),
    /** 登録日: when it was registered in ISMAP (an OSCAL SSP's leveraged authorization needs the date). */
    authorizedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)')
      .nullable()
      .optional(),
  })
  .strict();

export const serviceScopeInput = z
  .object({
    subServices: z.array(localizedText(500)).max(200),
    underlying: z.array(underlyingServiceInput).max(100),
    regions: z.array(z.string().trim().min(1).max(100)).max(50),
    systemOverview: localizedText(20000),
    logicalStructure: localizedText(20000),
    populations: localizedText(20000),
  })
  .strict();

export const serviceModel = z.enum(serviceModels);
export const serviceTrack = z.enum(tracks);
