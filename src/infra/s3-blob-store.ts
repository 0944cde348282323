import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BlobStore, BlobWriter, StoredBlob } from '../app/ports/blob-store';

export interface S3BlobStoreConfig {
  bucket: string;
  /** Key prefix inside the bucket ('' or ending in '/'). */
  prefix: string;
  endpoint?: string | undefined;
  region: string;
  forcePathStyle: boolean;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
}

const SHA = /^[0-9a-f]{64}$/;
const notFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata?.httpStatusCode === 404;
};

/**
 * Blobs as objects `<prefix>sha256/<hash>` in any S3-compatible store. The hash is known only at the end of the
 * stream, so a blob is uploaded (multipart, streamed: lib-storage) under `<prefix>tmp/<uuid>`, then copied to its
 * hash and the temporary object deleted. A blob is visible under its hash only once whole; a process that dies
 * mid-upload leaves at most an aborted multipart upload or a `tmp/` object, never listed as a blob.
 */
export function s3BlobStore(cfg: S3BlobStoreConfig, client = s3Client(cfg)): BlobStore {
  const key = (sha: string) => `${cfg.prefix}sha256/${sha}`;
  const check = (sha: string) => {
    if (!SHA.test(sha)) throw new Error(`not a SHA-256: ${sha}`);
  };
  const head = async (k: string) => {
    try {
      const h = await client.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: k }));
      return { size: h.ContentLength ?? 0 };
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  };

  return {
    kind: 's3',
    async writer(): Promise<BlobWriter> {
      const tmpKey = `${cfg.prefix}tmp/${randomUUID()}`;
      const body = new PassThrough({ highWaterMark: 1024 * 1024 });
      const upload = new Upload({
        client,
        params: { Bucket: cfg.bucket, Key: tmpKey, Body: body },
        queueSize: 2,
        partSize: 8 * 1024 * 1024,
      });
      const hash = createHash('sha256');
      let size = 0;
      let failure: unknown = null;
      const done = upload.done().catch((e: unknown) => {
        failure = e;
        body.destroy();
        throw e;
      });
      done.catch(() => undefined);
      const removeTmp = () =>
        client.send(new DeleteObjectCommand({ Bucket: cfg.bucket, Key: tmpKey })).catch(() => undefined);
      return {
        async write(chunk) {
          if (failure) throw failure;
          hash.update(chunk);
          size += chunk.length;
          if (!body.write(chunk)) await Promise.race([once(body, 'drain'), done]);
        },
        async finish(): Promise<StoredBlob> {
          body.end();
          await done;
          const sha256 = hash.digest('hex');
          if (!(await head(key(sha256))))
            await client.send(
              new CopyObjectCommand({
                Bucket: cfg.bucket,
                Key: key(sha256),
                CopySource: `${cfg.bucket}/${encodeURI(tmpKey)}`,
              }),
            );
          await removeTmp();
          return { sha256, size };
        },
        async abort() {
          await upload.abort().catch(() => undefined);
          body.destroy();
          await done.catch(() => undefined);
          await removeTmp();
        },
      };
    },
    async read(sha256) {
      check(sha256);
      try {
        const got = await client.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: key(sha256) }));
        return got.Body as Readable;
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    async stat(sha256) {
      check(sha256);
      return head(key(sha256));
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: cfg.bucket, Prefix: `${cfg.prefix}sha256/`, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) {
          const sha = o.Key?.slice(`${cfg.prefix}sha256/`.length) ?? '';
          if (SHA.test(sha)) yield { sha256: sha, size: o.Size ?? 0 };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}

export function s3Client(cfg: S3BlobStoreConfig): S3Client {
  return new S3Client({
    region: cfg.region,
    endpoint: cfg.endpoint,
    forcePathStyle: cfg.forcePathStyle,
    // The SDK's default CRC trailers (aws-chunked bodies) are not understood by every S3-compatible store; our
    // integrity check is the SHA-256 content address, re-hashed on every read.
    ...(cfg.endpoint
      ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
    ...(cfg.accessKeyId && cfg.secretAccessKey
      ? { credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } }
      : {}),
  });
}
