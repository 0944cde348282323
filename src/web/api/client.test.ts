import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, data, formData, setCsrfToken } from './client';

// The typed client keeps what the hand-written one did: the CSRF token on every write (never on reads), and the
// server's error body as an ApiError with its stable code, also when the body is not JSON.
describe('API client', () => {
  const seen: Request[] = [];
  const answer = (status: number, body: string, type = 'application/json') =>
    createApiClient('http://hub.test/api/v1', async (req) => {
      seen.push(req as Request);
      return new Response(status === 204 ? null : body, { status, headers: { 'content-type': type } });
    });
  afterEach(() => {
    seen.length = 0;
    setCsrfToken(null);
  });

  it('sends the CSRF token on writes only', async () => {
    setCsrfToken('tok-123');
    await data(answer(204, '').POST('/auth/logout'));
    await data(answer(200, '{"sessions":[]}').GET('/auth/sessions'));
    expect(seen.map((r) => [r.method, r.headers.get('x-csrf-token')])).toEqual([
      ['POST', 'tok-123'],
      ['GET', null],
    ]);
  });

  it('turns an error answer into an ApiError with code and issues', async () => {
    const body = JSON.stringify({
      error: {
        code: 'validation_failed',
        message: 'Invalid json',
        issues: [{ path: ['json', 'email'], message: 'required' }],
      },
    });
    const err = await data(
      answer(400, body).POST('/users', { body: { email: '', displayName: 'x', password: 'y' } as never }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 400,
      code: 'validation_failed',
      issues: [{ path: ['json', 'email'], message: 'required' }],
    });
  });

  it('still fails cleanly on a body that is not JSON', async () => {
    const err = await data(answer(502, 'Bad gateway', 'text/plain').GET('/organizations')).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 502, code: 'internal' });
  });

  it('sends a multipart upload (typed from the document) as form data, without empty fields', async () => {
    setCsrfToken('tok-123');
    const file = new File(['id,title\n9.1,A\n'], 'texts.csv', { type: 'text/csv' });
    const body = { file, edition: '2024-07', lang: 'en', sheet: '', columns: undefined, dryRun: 'true' } as const;
    await data(
      answer(200, '{}').POST('/catalogs/{catalog}/import-text', {
        params: { path: { catalog: 'ismap' } },
        body,
        bodySerializer: formData,
      }),
    );
    const req = seen[0]!;
    expect(req.url).toBe('http://hub.test/api/v1/catalogs/ismap/import-text');
    expect(req.headers.get('x-csrf-token')).toBe('tok-123');
    expect(req.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const sent = await req.formData();
    expect([...sent.keys()]).toEqual(['file', 'edition', 'lang', 'dryRun']);
    expect(await (sent.get('file') as File).text()).toBe('id,title\n9.1,A\n');
  });

  it("keeps a failed import's details: how many issues there were beyond the first ones", async () => {
    const body = JSON.stringify({
      error: {
        code: 'import_failed',
        message: '3000 problem(s)',
        issues: [{ path: [], message: 'duplicate id', code: 'duplicate_id', severity: 'error', row: 3, column: 'A' }],
        details: { issueTotal: 3000, issueCounts: { duplicate_id: 3000 } },
      },
    });
    const err = await data(answer(422, body).GET('/organizations')).catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 422,
      issues: [{ severity: 'error', column: 'A' }],
      details: { issueTotal: 3000, issueCounts: { duplicate_id: 3000 } },
    });
  });
});
