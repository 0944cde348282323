// `npm start`'s build step: rebuilds the web app only when its sources changed since the last build (vite takes a
// few seconds), and the server bundle always (esbuild, well under a second).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

const built = join(root, 'dist', 'web', 'index.html');
const inputs = [join(root, 'src', 'web'), join(root, 'src', 'core'), join(root, 'package-lock.json')];
if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...inputs.map(newest))) {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'src/web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}
await import('./build-server.mjs');
