import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tryLockFile } from '../db/data-dir-lock';

/**
 * Where a server's uploads are written while they are read (src/server/multipart.ts): one folder per running
 * server under `root`, flock-ed for the server's life (src/db/data-dir-lock.ts). A server killed mid-upload leaves
 * its folder behind, up to an upload's size each time; the next server to start on the same root removes every
 * folder whose lock it can take, which are exactly those whose server is gone. Claims are serialised by a lock on
 * the root, so a starting server never mistakes another's brand-new, not yet locked folder for a leftover.
 */
export interface UploadSpace {
  /** This server's folder; uploads make their temporary folders inside it. */
  dir: string;
  /** How many leftover folders were removed. */
  removed: number;
  /** Removes this server's folder and lets go of it (at shutdown). */
  release(): void;
}

const LOCK = '.lock';

export function claimUploadSpace(root: string): UploadSpace {
  mkdirSync(root, { recursive: true });
  const claim = tryLockFile(join(root, '.claim.lock'), { waitSeconds: 30 });
  if (!claim) throw new Error(`Could not lock the upload folder ${root} within 30 s`);
  try {
    let removed = 0;
    for (const name of readdirSync(root)) {
      const path = join(root, name);
      if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
      const owner = tryLockFile(join(path, LOCK));
      if (!owner) continue; // a running server's
      rmSync(path, { recursive: true, force: true });
      owner.release();
      removed++;
    }
    const dir = mkdtempSync(join(root, 'server-'));
    const own = tryLockFile(join(dir, LOCK))!;
    return {
      dir,
      removed,
      release: () => {
        rmSync(dir, { recursive: true, force: true });
        own.release();
      },
    };
  } finally {
    claim.release();
  }
}
