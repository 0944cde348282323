import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { exportCatalogEdition } from '../../../app/use-cases/catalogs/get-catalog-edition';
import { authorize, catalogPolicy } from '../../../core/policies';
import { DomainError, issuesFromZod } from '../../../core/errors';
import { catalogFileName, catalogToOscal, profileBasicRequirements, profileLiuSubset } from '../../../formats/oscal';
import { importCatalogText } from '../../../app/use-cases/catalogs/import-catalog-text';
import { DUPLICATE_POLICIES } from '../../../core/catalog/text-import';
import { describeTextTable, loadTextTable, toTextImportTable } from '../../../formats/tabular';
import { requestCtx } from '../../middleware/request-context';
import { receiveMultipart } from '../../multipart';
import { errorResponses, jsonOk } from '../../schemas';
import { EditionParams, CatalogParam, TextImportResult, TextImportUpload } from './schemas';

const tags = ['Catalogs'];

const importText = createRoute({
  ...scope('catalogs', 'write'),
  method: 'post',
  path: '/catalogs/{catalog}/import-text',
  tags,
  summary: 'Import criteria texts from a CSV/TSV/XLSX upload (platform administrators, secretariat admins and editors)',
  description:
    'Two phases: every row is checked and problems returned with their row and column (422, nothing written); otherwise the texts are written in one transaction. ' +
    'A new edition name creates that edition from the nearest older one (or the oldest, for a name older than all). ' +
    'With dryRun=true nothing is written and the plan is returned with ok=false and the issues when the file has errors, beside the detected columns. ' +
    'Issues are capped (the first ones, errors first); issueTotal and issueCounts count them all (on a 422: error.details).',
  request: {
    params: CatalogParam,
    body: { content: { 'multipart/form-data': { schema: TextImportUpload } }, required: true },
  },
  responses: {
    200: jsonOk(TextImportResult, 'The plan (dry run) or what was written, with the detected columns'),
    ...errorResponses,
    422: {
      description: 'The file has problems: every issue with row and column',
      content: errorResponses[400].content,
    },
  },
});

const exportEdition = createRoute({
  ...scope('catalogs', 'read'),
  method: 'get',
  path: '/catalogs/{catalog}/editions/{edition}/export',
  tags,
  summary:
    'An edition as an OSCAL catalog, or an OSCAL profile of its basic statement requirements or an ISMAP-LIU subset',
  description:
    'Downloads as `<catalog>-<edition>.oscal.json` (profiles: `<catalog>-<edition>-<profile>-profile.oscal.json`). A profile imports the catalog by its download name, so saving both in one folder lets any OSCAL tool resolve the profile.',
  request: {
    params: EditionParams,
    query: z.object({
      format: z.enum(['oscal']).default('oscal'),
      profile: z.enum(['basic', 'liu']).optional(),
      ids: z
        .string()
        .max(100_000)
        .optional()
        .openapi({ description: 'Comma-separated detailed control ids of the LIU subset (profile=liu)' }),
    }),
  },
  responses: { 200: jsonOk(z.record(z.string(), z.unknown()), 'OSCAL JSON'), ...errorResponses },
});

const Fields = z.object({
  edition: z.string().trim().min(1).max(64),
  lang: z.enum(['ja', 'en']).default('ja'),
  columns: z.string().max(2000).optional(),
  sheet: z.string().max(200).optional(),
  dryRun: z.enum(['true', 'false', '1', '0', 'on']).optional(),
  duplicates: z.enum(DUPLICATE_POLICIES as [string, ...string[]]).default('reject'),
});

export function catalogFileRoutes() {
  const app = apiRouter();
  app.openapi(importText, async (c) => {
    const ctx = requestCtx(c);
    // Refuse before accepting a byte of the upload.
    authorize(catalogPolicy, ctx.actor, 'importText', null);
    const max = c.get('deps').maxUploadBytes;
    const upload = await receiveMultipart(c.req.raw, 'file', max ? { maxFileBytes: max } : {}, c.get('deps').uploadDir);
    try {
      const parsed = Fields.safeParse(upload.fields);
      if (!parsed.success)
        throw new DomainError('validation_failed', 'Invalid form fields', issuesFromZod(parsed.error.issues, ['form']));
      if (!upload.file)
        throw new DomainError(
          'validation_failed',
          'No file: send the table in the "file" part',
          [{ path: ['form', 'file'], message: 'required', code: 'required', params: {} }],
          { reason: 'file_required' },
        );
      const f = parsed.data;
      const loaded = await loadTextTable(upload.file.path, {
        displayName: upload.file.filename,
        ...(f.columns ? { columns: f.columns } : {}),
        ...(f.sheet ? { sheet: f.sheet } : {}),
      });
      const result = await importCatalogText(c.get('deps'), ctx, {
        catalog: c.req.valid('param').catalog,
        edition: f.edition,
        lang: f.lang,
        dryRun: f.dryRun !== undefined && f.dryRun !== 'false' && f.dryRun !== '0',
        duplicates: f.duplicates as (typeof DUPLICATE_POLICIES)[number],
        table: toTextImportTable(loaded),
      });
      return c.json({ ...result, ...describeTextTable(loaded) }, 200);
    } finally {
      await upload.cleanup();
    }
  });
  app.openapi(exportEdition, async (c) => {
    const p = c.req.valid('param');
    const q = c.req.valid('query');
    const { edition, exportedAt } = await exportCatalogEdition(c.get('deps'), requestCtx(c), p);
    let doc: object;
    if (q.profile === 'basic') doc = profileBasicRequirements(edition);
    else if (q.profile === 'liu') {
      const ids = (q.ids ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (ids.length === 0)
        throw new DomainError(
          'validation_failed',
          'profile=liu needs ids: the detailed controls of the LIU audit subset',
          [{ path: ['query', 'ids'], message: 'required for profile=liu', code: 'required', params: {} }],
          { reason: 'liu_needs_ids' },
        );
      doc = profileLiuSubset(edition, ids);
    } else doc = catalogToOscal(edition, { now: exportedAt });
    // A profile's rlink names the catalog's download name (catalogFileName), so the two files resolve side by side.
    const name = catalogFileName(p.catalog, p.edition, q.profile);
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    return c.json(doc as Record<string, unknown>, 200);
  });
  return app;
}
