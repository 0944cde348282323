import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');

/** Whether a docker daemon answers (a client alone, or no network to pull the base image, cannot build). */
function dockerAvailable(): boolean {
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && r.stdout.trim() !== '';
}

describe('the container image', () => {
  it('runs as a non-root user with production dependencies only, on Node 20', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^\nFROM node:20[\w.-]*-slim\b/);
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
    expect(runtime).not.toMatch(/fonts-noto-cjk/);
  });

  // CI builds the image only where docker can (the step is skipped otherwise).
  it.skipIf(!dockerAvailable())(
    'builds',
    () => {
      const r = spawnSync('docker', ['build', '--quiet', '-t', 'ismap-hub:test', root], {
        encoding: 'utf8',
        timeout: 1_200_000,
      });
      expect(r.status, r.stderr).toBe(0);
    },
    1_200_000,
  );
});
