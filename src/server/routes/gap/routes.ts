import { createRoute, z } from '@hono/zod-openapi';
import { acceptGapProposals, acceptGapProposalsInput } from '../../../app/use-cases/gap/accept-gap-proposals';
import { createGapImport } from '../../../app/use-cases/gap/create-gap-import';
import { decideGapProposal, decideGapProposalInput } from '../../../app/use-cases/gap/decide-gap-proposal';
import { getGapImport } from '../../../app/use-cases/gap/get-gap-import';
import { getGapReport } from '../../../app/use-cases/gap/get-gap-report';
import { listGapImports } from '../../../app/use-cases/gap/list-gap-imports';
import { DomainError, issuesFromZod } from '../../../core/errors';
import { gapReportCsv, gapReportXlsx } from '../../../formats/gap';
import { requestCtx } from '../../middleware/request-context';
import { receiveMultipart } from '../../multipart';
import { apiRouter } from '../../openapi';
import { IdParam, Issue, errorResponses, jsonBody, jsonOk } from '../../schemas';
import { scope } from '../../token-scope';
import { presentGapImport, presentGapImportDetail } from './presenter';
import {
  GapDecisionResult,
  GapImport,
  GapImportDetail,
  GapReport,
  GapUploadResult,
  type GapDetection,
} from './schemas';
import { gapFileParser } from './upload';

// Token scope: gap imports are statement work (their decisions write statement items), so they take the
// `statements` scope rather than a resource of their own; who may see them is the gap-import policy's business.
const tags = ['Gap analysis'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } },
});
const LangQuery = z.object({ lang: z.enum(['ja', 'en']).default('ja') });
const unprocessable = {
  422: {
    description: 'The file has problems: every issue with its row and column, or its JSON path',
    content: {
      'application/json': { schema: z.object({ error: z.object({ issues: z.array(Issue) }).passthrough() }) },
    },
  },
};

const Upload = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    file: {
      type: 'string' as const,
      format: 'binary',
      description: 'An SoA (.xlsx, .csv, .tsv) or an OSCAL SSP (.json)',
    },
    dryRun: { type: 'string' as const, enum: ['true', 'false'], default: 'true' },
    columns: { type: 'string' as const, description: 'Column override, e.g. {"id":"A","applicable":"C"}' },
    isoEdition: {
      type: 'string' as const,
      enum: ['2013', '2022'],
      description: "The SoA's ISO/IEC 27001 edition, confirmed; required to import an SoA",
    },
    sheet: { type: 'string' as const },
  },
};
const Fields = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  columns: z.string().max(2000).optional(),
  isoEdition: z.enum(['2013', '2022']).optional(),
  sheet: z.string().max(200).optional(),
});

const upload = createRoute({
  ...scope('statements', 'write'),
  method: 'post',
  path: '/statements/{id}/gap-imports',
  tags,
  summary: 'Upload an SoA or an OSCAL SSP: a dry run answers the detected columns, edition, problems and counts',
  request: { params: IdParam, body: { content: { 'multipart/form-data': { schema: Upload } }, required: true } },
  responses: { 200: jsonOk(GapUploadResult, 'Preview, or the import written'), ...errorResponses, ...unprocessable },
});
const list = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/statements/{id}/gap-imports',
  tags,
  summary: "The statement's gap imports (its organization's members only)",
  request: { params: IdParam },
  responses: { 200: jsonOk(z.object({ imports: z.array(GapImport) }), 'Imports'), ...errorResponses },
});
const get = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/gap-imports/{id}',
  tags,
  summary: 'One import with its proposals grouped by composed relationship, each with its mapping paths',
  request: { params: IdParam },
  responses: { 200: jsonOk(GapImportDetail, 'Import'), ...errorResponses },
});
const acceptBulk = createRoute({
  ...scope('statements', 'write'),
  method: 'post',
  path: '/gap-imports/{id}/accept-bulk',
  tags,
  summary: 'Accept equal / superset-of proposals in bulk into the statement (one audit event)',
  request: { params: IdParam, body: jsonBody(acceptGapProposalsInput) },
  responses: { 200: jsonOk(GapDecisionResult, 'Decided'), ...errorResponses, 409: errorResponses[400] },
});
const DecideBody = decideGapProposalInput.extend({ proposalId: z.string().min(1).max(300) });
const decide = createRoute({
  ...scope('statements', 'write'),
  method: 'post',
  path: '/gap-imports/{id}/decisions',
  tags,
  summary: 'Decide one proposal: accept, accept edited, or reject',
  request: { params: IdParam, body: jsonBody(DecideBody) },
  responses: { 200: jsonOk(GapDecisionResult, 'Decided'), ...errorResponses, 409: errorResponses[400] },
});
const report = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/gap-imports/{id}/report',
  tags,
  summary: 'The gap report: what ISMAP asks beyond the imported posture, counts per tier and clause',
  request: { params: IdParam },
  responses: { 200: jsonOk(GapReport, 'Report'), ...errorResponses },
});
const reportXlsx = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/gap-imports/{id}/report.xlsx',
  tags,
  summary: 'The gap report as xlsx (summary, gaps, proposals with their paths, unmapped controls)',
  request: { params: IdParam, query: LangQuery },
  responses: { 200: binary(XLSX, 'Workbook'), ...errorResponses },
});
const reportCsv = createRoute({
  ...scope('statements', 'read'),
  method: 'get',
  path: '/gap-imports/{id}/report.csv',
  tags,
  summary: 'The gap items as CSV (UTF-8 with BOM, for Japanese Excel)',
  request: { params: IdParam, query: LangQuery },
  responses: { 200: binary('text/csv', 'CSV'), ...errorResponses },
});

const attachment = (name: string) => `attachment; filename="${name}"`;

export function gapRoutes() {
  const app = apiRouter();
  app.openapi(upload, async (c) => {
    const deps = c.get('deps');
    const max = deps.maxUploadBytes;
    const received = await receiveMultipart(c.req.raw, 'file', max ? { maxFileBytes: max } : {}, deps.uploadDir);
    try {
      const parsed = Fields.safeParse(received.fields);
      if (!parsed.success)
        throw new DomainError('validation_failed', 'Invalid form fields', issuesFromZod(parsed.error.issues, ['form']));
      const file = received.file;
      if (!file)
        throw new DomainError(
          'validation_failed',
          'No file: send the SoA or SSP in the "file" part',
          [{ path: ['form', 'file'], message: 'required', code: 'required', params: {} }],
          { reason: 'file_required' },
        );
      const f = parsed.data;
      const result = await createGapImport(deps, requestCtx(c), c.req.valid('param').id, {
        parse: gapFileParser(file.path, file.filename, f),
        dryRun: f.dryRun !== 'false',
        isoEditionConfirmed: f.isoEdition !== undefined,
      });
      // The formats layer's detection (SoA columns or SSP revision) is `unknown` to the use case; its shape is this.
      const detection = result.detection as z.infer<typeof GapDetection>;
      return c.json({ ...result, detection, import: result.import ? presentGapImport(result.import) : null }, 200);
    } finally {
      await received.cleanup();
    }
  });
  app.openapi(list, async (c) => {
    const imports = await listGapImports(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json({ imports: imports.map(presentGapImport) }, 200);
  });
  app.openapi(get, async (c) => {
    const d = await getGapImport(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json(presentGapImportDetail(d, requestCtx(c).actor), 200);
  });
  app.openapi(acceptBulk, async (c) => {
    const r = await acceptGapProposals(c.get('deps'), requestCtx(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(r, 200);
  });
  app.openapi(decide, async (c) => {
    const { proposalId, ...body } = c.req.valid('json');
    const r = await decideGapProposal(c.get('deps'), requestCtx(c), c.req.valid('param').id, proposalId, body);
    return c.json(r, 200);
  });
  app.openapi(report, async (c) => {
    const r = await getGapReport(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.json(r.report, 200);
  });
  app.openapi(reportXlsx, async (c) => {
    const { lang } = c.req.valid('query');
    const r = await getGapReport(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    const bytes = await gapReportXlsx(r.report, r.proposals, lang);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': XLSX,
      'Content-Disposition': attachment(`gap-report-${r.import.id.slice(0, 8)}-${lang}.xlsx`),
    }) as never;
  });
  app.openapi(reportCsv, async (c) => {
    const { lang } = c.req.valid('query');
    const r = await getGapReport(c.get('deps'), requestCtx(c), c.req.valid('param').id);
    return c.body(new Uint8Array(gapReportCsv(r.report, lang)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`gap-report-${r.import.id.slice(0, 8)}-${lang}.csv`),
    }) as never;
  });
  return app;
}
