import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, data, setCsrfToken } from './client';

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
});
