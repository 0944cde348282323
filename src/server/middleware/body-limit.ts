import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../core/errors';
import type { HonoEnv } from '../env';
import { checkJsonText, decodeUtf8Strict } from '../strict-input';

/** JSON and every other small body; the API's largest JSON request is a few KiB. */
export const JSON_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_UPLOAD_LIMIT = 50 * 1024 * 1024;
const UPLOAD_TYPES = /^(multipart\/form-data|text\/csv|application\/octet-stream)\b/i;
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

export const tooLarge = (limit: number) => {
  const params = { limitKiB: Math.round(limit / 1024) };
  return new DomainError(
    'payload_too_large',
    `The request body is larger than ${formatBytes(limit)}`,
    [{ path: ['body'], message: `larger than ${limit} bytes`, code: 'body_too_large', params }],
    { reason: 'body_too_large', params },
  );
};

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MiB` : `${Math.round(n / 1024)} KiB`;
}

/** Counts bytes as the consumer pulls them and errors past `limit`: nothing more than one chunk is held here. */
export function limitStream(body: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await reader.read();
      if (done) return controller.close();
      seen += value.length;
      if (seen > limit) {
        controller.error(tooLarge(limit));
        // The rest is drained (bounded) and the connection closed by the HTTP layer, not read here.
        reader.releaseLock();
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      reader.releaseLock();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Every request body has a limit, enforced before authentication and while the body streams in (a Content-Length
 * alone proves nothing for a chunked body): uploads (multipart, CSV, octet-stream) get `uploadLimit` and stay
 * streams for the route to consume; any other body is read here up to JSON_BODY_LIMIT, and a JSON body must be
 * valid UTF-8 without NUL characters, lone surrogates or absurd nesting (checked once, for every route).
 */
export function bodyLimit(
  defaultUploadLimit = DEFAULT_UPLOAD_LIMIT,
  /** A path's own upload limit (evidence files are larger than criteria tables), or undefined for the default. */
  uploadLimitFor: (path: string) => number | undefined = () => undefined,
): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    // A GET or HEAD has no body (the Fetch API refuses one), and asking for `body` makes the node adapter build a
    // full Request (an AbortSignal, a stream): a tenth of what a cached read costs.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const raw = c.req.raw;
    if (!raw.body) return next();
    const type = raw.headers.get('content-type') ?? '';
    const uploadLimit = uploadLimitFor(c.req.path) ?? defaultUploadLimit;
    const limit = UPLOAD_TYPES.test(type) ? uploadLimit : JSON_BODY_LIMIT;
    const declared = Number(raw.headers.get('content-length') ?? NaN);
    if (declared > limit) {
      c.header('Connection', 'close');
      throw tooLarge(limit);
    }
    if (limit === uploadLimit && UPLOAD_TYPES.test(type)) {
      c.req.raw = new Request(raw, { body: limitStream(raw.body, limit), duplex: 'half' } as RequestInit);
      return next();
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(raw.body, limit);
    } catch (e) {
      c.header('Connection', 'close');
      throw e;
    }
    c.req.raw = new Request(raw, { body: bytes as BodyInit });
    if (JSON_TYPE.test(type)) {
      const text = decodeUtf8Strict(bytes, ['body']);
      checkJsonText(text);
      // Hono keeps body promises in this cache (typed as values): the route's validator parses this text.
      (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
    }
    return next();
  };
}
