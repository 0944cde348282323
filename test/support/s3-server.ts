import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';
import { s3Client, type S3BlobStoreConfig } from '../../src/infra/s3-blob-store';

/** An S3-compatible server (s3rver) in this process on 127.0.0.1 and a free port, its data in a temp folder. */
/**
 * A client for s3rver: s3rver signs a bucket-level request (a listing) over "/bucket" while the SDK sends and
 * signs "/bucket/", so the listing's signature never matches. Dropping that trailing slash before signing is the
 * only difference from the production client.
 */
export function s3rverClient(config: S3BlobStoreConfig) {
  const client = s3Client(config);
  client.middlewareStack.add(
    (next) => async (args) => {
      const req = args.request as { path?: string };
      if (req.path && /^\/[^/]+\/$/.test(req.path)) req.path = req.path.slice(0, -1);
      return next(args);
    },
    { step: 'build', name: 's3rverBucketPath' },
  );
  return client;
}

export async function startS3(bucket = 'evidence'): Promise<{ config: S3BlobStoreConfig; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ismap-s3-'));
  // The SDK reads ~/.aws/{config,credentials} for defaults: point it at files in the test's own folder.
  process.env.AWS_CONFIG_FILE = join(dir, 'aws-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'aws-credentials');
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  return {
    config: {
      bucket,
      prefix: 'blobs/',
      endpoint: `http://127.0.0.1:${address.port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      // s3rver's fixed development credentials.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    },
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
