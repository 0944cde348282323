import { createRoute, z } from '@hono/zod-openapi';
import { apiRouter } from '../../openapi';
import { DomainError } from '../../../core/errors';
import type { BlobWriter, StoredBlob } from '../../../app/ports/blob-store';
import { createEvidence, parseEvidenceMetadata } from '../../../app/use-cases/evidence/create-evidence';
import { addEvidenceVersion } from '../../../app/use-cases/evidence/add-evidence-version';
import { assertMayUpload, evidenceLibraryOf } from '../../../app/use-cases/evidence/evidence-access';
import { cleanFileName, mediaTypeOf, type UploadedFile } from '../../../app/use-cases/evidence/inputs';
import { openEvidenceContent } from '../../../app/use-cases/evidence/open-evidence-content';
import { requestCtx } from '../../middleware/request-context';
import { receiveMultipart, type FileSink } from '../../multipart';
import type { ServerDeps } from '../../env';
import { IdParam, errorResponses, jsonOk } from '../../schemas';
import { EvidenceDetail, EvidenceUpload, EvidenceVersionUpload } from './schemas';
import { presentEvidenceDetail } from './presenter';
import { getEvidence } from '../../../app/use-cases/evidence/get-evidence';
import { scope } from '../../token-scope';

const tags = ['Evidence'];
export const DEFAULT_EVIDENCE_LIMIT = 200 * 1024 * 1024;
/** The body may exceed the file's limit by its metadata part and framing; the file part itself is held to the limit. */
export const MULTIPART_ALLOWANCE = 1024 * 1024;
export const evidenceLimit = (deps: Pick<ServerDeps, 'maxEvidenceBytes'>) =>
  deps.maxEvidenceBytes ?? DEFAULT_EVIDENCE_LIMIT;
/** The two upload endpoints, whose bodies get the evidence limit instead of the general upload limit. */
export const isEvidenceUpload = (path: string) => /^\/api\/v1\/evidence(\/[^/]+\/versions)?\/?$/.test(path);

const upload = createRoute({
  method: 'post',
  path: '/evidence',
  ...scope('evidence', 'write'),
  tags,
  summary: "Add an evidence with its first file to the caller's organization (editors of a CSP)",
  description:
    'multipart/form-data: the `metadata` part (JSON) first, then the `file` part. The file streams to the blob store while it is hashed (SHA-256); nothing is visible until it is whole and the record is committed. Limit: ISMAP_MAX_EVIDENCE_BYTES (default 200 MB).',
  request: { body: { content: { 'multipart/form-data': { schema: EvidenceUpload } }, required: true } },
  responses: { 201: jsonOk(EvidenceDetail, 'Created'), ...errorResponses },
});
const addVersion = createRoute({
  method: 'post',
  path: '/evidence/{id}/versions',
  ...scope('evidence', 'write'),
  tags,
  summary: 'Upload a new version of an evidence (editors); earlier versions stay',
  request: {
    params: IdParam,
    body: { content: { 'multipart/form-data': { schema: EvidenceVersionUpload } }, required: true },
  },
  responses: { 201: jsonOk(EvidenceDetail, 'Version added'), ...errorResponses },
});
const content = createRoute({
  method: 'get',
  path: '/evidence/{id}/versions/{number}/content',
  ...scope('evidence', 'read'),
  tags,
  summary: "A version's file, re-hashed while it streams (a mismatch is refused and audited)",
  description:
    'A missing blob, one of the wrong size, or a file up to 1 MiB whose bytes hash differently answers 500 integrity_failed (audited) before any byte; in a longer file, bytes that hash differently end the stream before its last chunk. `inline=true` for a preview (PDF and raster images only; nosniff and a sandbox CSP).',
  request: {
    params: IdParam.extend({
      number: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({ param: { name: 'number', in: 'path' }, example: 1 }),
    }),
    query: z.object({ inline: z.enum(['true', 'false']).default('false') }),
  },
  responses: {
    200: { description: 'The file', content: { 'application/octet-stream': { schema: z.any() } } },
    ...errorResponses,
  },
});

const fileRequired = () =>
  new DomainError(
    'validation_failed',
    'No file: send it in the "file" part',
    [{ path: ['form', 'file'], message: 'required', code: 'required', params: {} }],
    { reason: 'file_required' },
  );

/** The multipart file part, hashed and stored as it streams (src/app/blob): the blob is whole or absent. */
async function receiveEvidenceFile(
  req: Request,
  deps: ServerDeps,
  beforeFile: (fields: Record<string, string>) => void | Promise<void>,
): Promise<{ fields: Record<string, string>; file: UploadedFile }> {
  let writer: BlobWriter | null = null;
  let stored: StoredBlob | null = null;
  const sink = async (): Promise<FileSink> => {
    const w = await deps.blobs.writer();
    writer = w;
    return {
      write: (chunk) => w.write(chunk),
      close: async () => {
        stored = await w.finish();
      },
      destroy: () => void w.abort(),
    };
  };
  const up = await receiveMultipart(req, 'file', { maxFileBytes: evidenceLimit(deps) }, deps.uploadDir, {
    openSink: sink,
    beforeFile,
  });
  await up.cleanup();
  if (!up.file || !writer || !stored) throw fileRequired();
  const blob: StoredBlob = stored;
  return {
    fields: up.fields,
    file: {
      sha256: blob.sha256,
      size: blob.size,
      fileName: cleanFileName(up.file.filename),
      mediaType: mediaTypeOf(up.file.contentType),
    },
  };
}

function metadataOf(fields: Record<string, string>) {
  if (fields.metadata === undefined)
    throw new DomainError(
      'validation_failed',
      'No metadata: send the "metadata" part (JSON) before the file',
      [{ path: ['form', 'metadata'], message: 'required', code: 'required', params: {} }],
      { reason: 'evidence_metadata_first' },
    );
  let json: unknown;
  try {
    json = JSON.parse(fields.metadata);
  } catch {
    throw new DomainError(
      'validation_failed',
      'The metadata part is not JSON',
      [{ path: ['form', 'metadata'], message: 'not JSON', code: 'invalid_json', params: {} }],
      { reason: 'evidence_invalid' },
    );
  }
  return parseEvidenceMetadata(json, ['form', 'metadata']);
}

const PREVIEWABLE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

export function evidenceFileRoutes() {
  const app = apiRouter();
  app.openapi(upload, async (c) => {
    const ctx = requestCtx(c);
    const deps = c.get('deps');
    // Refused before a byte of the file is taken: who may add, and the metadata (sent first).
    evidenceLibraryOf(ctx);
    const { fields, file } = await receiveEvidenceFile(c.req.raw, deps, (f) => void metadataOf(f));
    const created = await createEvidence(deps, ctx, { metadata: metadataOf(fields), file });
    const d = await getEvidence(deps, ctx, created.evidence.id);
    return c.json(presentEvidenceDetail(d, ctx.actor), 201);
  });
  app.openapi(addVersion, async (c) => {
    const ctx = requestCtx(c);
    const deps = c.get('deps');
    const id = c.req.valid('param').id;
    await assertMayUpload(deps, ctx, id);
    const { fields, file } = await receiveEvidenceFile(c.req.raw, deps, () => undefined);
    const reviewedOn = fields.reviewedOn?.trim() || null;
    if (reviewedOn !== null)
      parseEvidenceMetadata({ title: { ja: 'x', en: '' }, kind: 'policy', reviewedOn }, ['form']);
    await addEvidenceVersion(deps, ctx, { evidenceId: id, file, note: fields.note ?? null, reviewedOn });
    const d = await getEvidence(deps, ctx, id);
    return c.json(presentEvidenceDetail(d, ctx.actor), 201);
  });
  app.openapi(content, async (c) => {
    const ctx = requestCtx(c);
    const p = c.req.valid('param');
    const { version, body } = await openEvidenceContent(c.get('deps'), ctx, { evidenceId: p.id, number: p.number });
    // Previews only for types a browser shows without running anything (no HTML, no SVG).
    const inline = c.req.valid('query').inline === 'true' && PREVIEWABLE.has(version.mediaType);
    const disposition = inline ? 'inline' : 'attachment';
    const it = body[Symbol.asyncIterator]();
    // The first chunk is read before the answer starts: a file that fits in the held-back last chunk (up to the
    // store's read size) is wholly checked by then, so a mismatch answers the JSON error integrity_failed instead
    // of a 200 cut short. A longer file's mismatch can only end its stream before the last chunk.
    let first: IteratorResult<Uint8Array> | null = await it.next();
    // Pulled one chunk at a time (the client's pace): never more than a chunk or two in memory.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { value, done } = first ?? (await it.next());
          first = null;
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (e) {
          controller.error(e);
        }
      },
      cancel: async () => void (await it.return?.()),
    });
    return new Response(stream, {
      status: 200,
      headers: {
        'Content-Type': inline ? version.mediaType : 'application/octet-stream',
        'Content-Length': String(version.size),
        'Content-Disposition': `${disposition}; filename="${asciiName(version.fileName)}"; filename*=UTF-8''${encodeURIComponent(version.fileName)}`,
        'Content-Digest': `sha-256=:${Buffer.from(version.sha256, 'hex').toString('base64')}:`,
        ETag: `"${version.sha256}"`,
      },
    }) as never;
  });
  return app;
}
