import { serve as serveHttp } from '@hono/node-server';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command';
import { parse } from '../args';
import { parseConfig } from '../../server/config';
import { createServerApp } from '../../server/app';
import { openRuntime, type Runtime } from '../runtime';
import { seedDemo, type DemoLogin } from '../../app/use-cases/seed-demo';
import { startupTasks } from '../startup';

export const command: Command = {
  name: 'serve',
  summary: 'Run the ISMAP Hub server (API and web app)',
  help: `Usage: ismap serve [--port <n>] [--host <addr>]

Runs ISMAP Hub on http://localhost:8080 (PORT or --port overrides). Without DATABASE_URL it uses the embedded
database in ISMAP_DATA_DIR (default ./data), locked against a second process; with DATABASE_URL it uses PostgreSQL.
Migrations are applied at start. On the first start of an empty embedded database, demo organizations and users
are created and their logins printed once (and kept in <data dir>/demo-logins.txt).

Options:
  --port <n>     TCP port (default: PORT or 8080)
  --host <addr>  Interface to bind (default: HOST or 0.0.0.0)
  -h, --help     Show this help`,
  async run(ctx) {
    const { values } = parse(ctx.argv, { port: { type: 'string' }, host: { type: 'string' } });
    const env = { ...ctx.env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) };
    const config = parseConfig(env, ctx.cwd);
    const started = performance.now();
    const runtime = await openRuntime(config);
    const { deps } = runtime;
    const opened = performance.now();
    try {
      await startupTasks(runtime);
      if (config.seedDemo && !config.databaseUrl) {
        const logins = await seedDemo(deps, { password: config.demoPassword });
        printLogins(ctx.stdout, config.dataDir, logins);
      }
    } catch (e) {
      await runtime.close();
      throw e;
    }
    const app = createServerApp(deps);
    const server = serveHttp({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      deps.logger.info({ port: info.port, database: deps.engineKind, dataDir: config.databaseUrl ? undefined : config.dataDir, startupMs: Math.round(performance.now() - started), openDatabaseMs: Math.round(opened - started) }, `ISMAP Hub listening on http://localhost:${info.port}`);
    });
    await new Promise<void>((resolve) => {
      const stop = () => {
        deps.logger.info('shutting down');
        server.close(() => void shutdown(runtime).then(resolve));
        // Idle keep-alive connections must not hold shutdown up.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

async function shutdown(runtime: Runtime) {
  await runtime.close();
}

function printLogins(out: NodeJS.WritableStream, dataDir: string, logins: DemoLogin[] | null) {
  const file = join(dataDir, 'demo-logins.txt');
  if (logins) {
    const lines = ['', '  ISMAP Hub demo logins (shown once; also saved to ' + file + '):', ''];
    for (const l of logins) lines.push(`    ${l.email.padEnd(36)} ${l.password.padEnd(22)} ${l.role}${l.organization ? ` — ${l.organization}` : ''}`);
    lines.push('');
    writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
    out.write(lines.join('\n') + '\n');
  } else if (existsSync(file)) {
    out.write(`\n  Demo logins: see ${file}\n\n`);
  }
}
