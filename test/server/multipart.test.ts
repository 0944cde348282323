import { describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { receiveMultipart } from '../../src/server/multipart';

/** A request whose body arrives in chunks of `size` bytes, so delimiters straddle chunk edges. */
async function chunked(form: FormData, size: number): Promise<Request> {
  const whole = new Request('http://x/', { method: 'POST', body: form });
  const bytes = new Uint8Array(await whole.arrayBuffer());
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i >= bytes.length) return c.close();
      c.enqueue(bytes.slice(i, i + size));
      i += size;
    },
  });
  return new Request('http://x/', {
    method: 'POST',
    body,
    headers: { 'content-type': whole.headers.get('content-type')! },
    duplex: 'half',
  } as RequestInit);
}

describe('receiveMultipart', () => {
  const data = Buffer.concat([
    Buffer.from('id,text\r\n'),
    Buffer.alloc(150_000, 0x61),
    Buffer.from('\r\n--not-a-boundary\r\n'),
  ]);
  const form = () => {
    const f = new FormData();
    f.set('edition', '2024-07');
    f.set('file', new Blob([new Uint8Array(data)]), '管理基準.csv');
    f.set('lang', 'ja');
    return f;
  };

  for (const size of [1, 7, 4096, 1 << 20]) {
    it(`streams the file part to disk intact with ${size}-byte chunks`, async () => {
      const up = await receiveMultipart(await chunked(form(), size));
      try {
        expect(up.fields).toEqual({ edition: '2024-07', lang: 'ja' });
        expect(up.file?.filename).toBe('管理基準.csv');
        expect((await readFile(up.file!.path)).equals(data)).toBe(true);
        expect(up.file!.size).toBe(data.length);
      } finally {
        await up.cleanup();
      }
      await expect(stat(up.file!.path)).rejects.toThrow();
    }, 30_000);
  }

  it('stops a file over the limit without keeping it', async () => {
    await expect(receiveMultipart(await chunked(form(), 4096), 'file', { maxFileBytes: 1000 })).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });

  it('rejects a body that is not multipart or ends early', async () => {
    await expect(
      receiveMultipart(
        new Request('http://x/', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const cut = new Request('http://x/', {
      method: 'POST',
      body: '--b\r\ncontent-disposition: form-data; name="a"\r\n\r\nvalue',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    await expect(receiveMultipart(cut)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('multipart text fields', () => {
  it('refuses invalid UTF-8 and NUL in a field with 400 and the field name', async () => {
    const body = (value: Buffer) =>
      Buffer.concat([
        Buffer.from('--b\r\nContent-Disposition: form-data; name="edition"\r\n\r\n'),
        value,
        Buffer.from('\r\n--b--\r\n'),
      ]);
    const req = (value: Buffer) =>
      new Request('http://x/', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
        body: body(value),
      });
    await expect(receiveMultipart(req(Buffer.from([0x41, 0xff])))).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ path: ['form', 'edition'], code: 'invalid_utf8' }],
    });
    await expect(receiveMultipart(req(Buffer.from('a\u0000b')))).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ path: ['form', 'edition'], code: 'nul_character' }],
    });
  });
});
