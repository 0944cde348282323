import { readFile } from 'node:fs/promises';
import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { scope } from '../../token-scope';
import { exportStatement } from '../../../app/use-cases/statements/export-statement';
import { importStatementWorkbook } from '../../../app/use-cases/statements/import-statement-workbook';
import { DomainError, issuesFromZod } from '../../../core/errors';
import { statementToOscalSsp } from '../../../formats/oscal-ssp';
import {
  blockersCsv,
  readStatementFile,
  renderReadinessPdf,
  sspFileName,
  writeStatementXlsx,
} from '../../../formats/statement';
import { requestCtx } from '../../middleware/request-context';
import { receiveMultipart } from '../../multipart';
import { IdParam, Issue, errorResponses, jsonOk } from '../../schemas';

const tags = ['Statements'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
});
const LangQuery = z.object({ lang: z.enum(['ja', 'en']).default('ja') });

const exportXlsx = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/export.xlsx',
  tags,
  summary: 'The statement as an xlsx workbook (one sheet per tier, bilingual columns, change history)',
  request: { params: IdParam },
  responses: { 200: binary(XLSX, 'Workbook'), ...errorResponses },
});
const exportSsp = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/export.oscal.json',
  tags,
  summary:
    'The statement as an OSCAL 1.1.3 system-security-plan (one implemented requirement per item; re-imports with POST /statements/{id}/import)',
  request: { params: IdParam },
  responses: {
    200: jsonOk(z.record(z.string(), z.unknown()).openapi('OscalSystemSecurityPlan'), 'OSCAL SSP (JSON)'),
    ...errorResponses,
  },
});
const reportPdf = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/report.pdf',
  tags,
  summary: 'Readiness report as PDF (summary, charts by tier and clause, blockers)',
  request: { params: IdParam, query: LangQuery },
  responses: { 200: binary('application/pdf', 'PDF report'), ...errorResponses },
});
const blockersFile = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/blockers.csv',
  tags,
  summary: 'Every blocker as CSV (UTF-8 with BOM, for Japanese Excel)',
  request: { params: IdParam, query: LangQuery },
  responses: { 200: binary('text/csv', 'CSV'), ...errorResponses },
});

const ImportUpload = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    file: {
      type: 'string' as const,
      format: 'binary',
      description: 'A workbook exported by ISMAP Hub, edited, or an OSCAL system-security-plan (JSON)',
    },
    dryRun: {
      type: 'string' as const,
      enum: ['true', 'false'],
      default: 'true',
      description: 'true (default): answer the diff only; false: apply it',
    },
    changeReason: { type: 'string' as const, description: 'Required while the statement is under audit' },
  },
};
const Fields = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  changeReason: z.string().max(2000).optional(),
});
const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const ImportResult = z
  .object({
    applied: z.boolean(),
    written: z.number().int(),
    ignored: z.array(z.string()).openapi({ description: 'Changed fields an import does not apply (the service)' }),
    diff: z.object({
      mismatch: z.array(z.string()),
      header: z.array(FieldChange),
      items: z.array(
        z.object({
          itemId: z.string(),
          changes: z.array(FieldChange),
          stale: z.boolean(),
          storedVersion: z.number().int(),
          importedVersion: z.number().int(),
        }),
      ),
      unknownItems: z.array(z.string()),
      missingItems: z.array(z.string()),
      unchangedItems: z.number().int(),
      empty: z.boolean(),
    }),
  })
  .openapi('StatementImportResult');
const importRoute = createRoute({
  ...scope('statements', 'write'),
  method: 'post',
  path: '/statements/{id}/import',
  tags,
  summary:
    'Import an edited workbook or an OSCAL SSP: a dry run answers the diff; dryRun=false applies it in one transaction',
  request: {
    params: IdParam,
    body: { content: { 'multipart/form-data': { schema: ImportUpload } }, required: true },
  },
  responses: {
    200: jsonOk(ImportResult, 'The diff, and whether it was applied'),
    ...errorResponses,
    409: errorResponses[400],
    422: {
      description: 'The file has problems: every issue with its sheet, row and column (workbook) or JSON path (SSP)',
      content: {
        'application/json': { schema: z.object({ error: z.object({ issues: z.array(Issue) }).passthrough() }) },
      },
    },
  },
});

const attachment = (name: string) => `attachment; filename="${name}"`;

export function statementFileRoutes() {
  const app = apiRouter();
  app.openapi(exportXlsx, async (c) => {
    const e = await exportStatement(c.get('deps'), requestCtx(c), c.req.valid('param').id, { format: 'xlsx' });
    const bytes = await writeStatementXlsx(e.document, { generatedAt: e.generatedAt });
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': XLSX,
      'Content-Disposition': attachment(`${e.fileBase}.xlsx`),
    }) as never;
  });
  app.openapi(exportSsp, async (c) => {
    const e = await exportStatement(c.get('deps'), requestCtx(c), c.req.valid('param').id, { format: 'oscal-ssp' });
    const doc = statementToOscalSsp({ document: e.document, lastModified: e.generatedAt.toISOString() });
    c.header('Content-Disposition', attachment(sspFileName(e.fileBase)));
    return c.json(doc as unknown as Record<string, unknown>, 200);
  });
  app.openapi(reportPdf, async (c) => {
    const { lang } = c.req.valid('query');
    const e = await exportStatement(c.get('deps'), requestCtx(c), c.req.valid('param').id, { format: 'pdf', lang });
    const bytes = await renderReadinessPdf(e.document, e.summary, e.blockers, { lang, generatedAt: e.generatedAt });
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(`${e.fileBase}-readiness-${lang}.pdf`),
    }) as never;
  });
  app.openapi(blockersFile, async (c) => {
    const { lang } = c.req.valid('query');
    const e = await exportStatement(c.get('deps'), requestCtx(c), c.req.valid('param').id, { format: 'csv', lang });
    return c.body(new Uint8Array(blockersCsv(e.blockers, lang)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`${e.fileBase}-blockers-${lang}.csv`),
    }) as never;
  });
  app.openapi(importRoute, async (c) => {
    const deps = c.get('deps');
    const max = deps.maxUploadBytes;
    const upload = await receiveMultipart(c.req.raw, 'file', max ? { maxFileBytes: max } : {}, deps.uploadDir);
    try {
      const parsed = Fields.safeParse(upload.fields);
      if (!parsed.success)
        throw new DomainError('validation_failed', 'Invalid form fields', issuesFromZod(parsed.error.issues, ['form']));
      const file = upload.file;
      if (!file)
        throw new DomainError(
          'validation_failed',
          'No file: send the workbook in the "file" part',
          [{ path: ['form', 'file'], message: 'required' }],
          { reason: 'file_required' },
        );
      const bytes = await readFile(file.path);
      const result = await importStatementWorkbook(deps, requestCtx(c), c.req.valid('param').id, {
        parse: async (criteria, stored) => readStatementFile(bytes, criteria, stored, { file: file.filename }),
        file: file.filename,
        dryRun: parsed.data.dryRun !== 'false',
        changeReason: parsed.data.changeReason,
      });
      return c.json(result, 200);
    } finally {
      await upload.cleanup();
    }
  });
  return app;
}
