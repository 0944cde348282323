import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command';
import { parse } from '../args';
import { parseConfig } from '../../server/config';
import type { Runtime } from '../runtime';
import type { DemoLogin } from '../../app/use-cases/platform/seed-demo';
import { firstStartApart, startEmbedded } from '../../db/embedded-start';
import { takeEarlyStart } from '../early-start';
import { listen } from '../../server/listen';
import { claimUploadSpace, type UploadSpace } from '../upload-space';

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
    const env = {
      ...ctx.env,
      ...(values.port ? { PORT: values.port } : {}),
      ...(values.host ? { HOST: values.host } : {}),
    };
    let config: ReturnType<typeof parseConfig>;
    try {
      config = parseConfig(env, ctx.cwd);
    } catch (e) {
      await takeEarlyStart(undefined);
      throw e;
    }
    // performance.now() counts from process start: `started` is what loading the code so far took.
    const started = performance.now();
    // Order matters for start-up time: the embedded database opens in a worker thread on the other core (~0.7 s)
    // while this thread loads the rest of the code (~0.5 s), so it starts first — usually already in bin/ismap.js
    // (early-start.ts), otherwise here — and everything else is imported dynamically after it.
    const early = await takeEarlyStart(config.databaseUrl ? undefined : config.dataDir);
    let embedded = config.databaseUrl ? undefined : (early ?? startEmbedded(config.dataDir));
    const loading = Promise.all([
      import('../../server/app'),
      import('../startup'),
      import('../../app/use-cases/platform/seed-demo'),
    ]);
    loading.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    let runtime: Runtime;
    let modules: Awaited<typeof loading>;
    let runtimeOpening: Promise<Runtime> | undefined;
    /** The demo logins a first start made apart (undefined: it did not run). */
    let firstLogins: DemoLogin[] | null | undefined;
    try {
      const { openRuntime } = await import('../runtime');
      // A new embedded folder gets its migrations and bundled catalogs in a child process before the serving
      // database opens (embedded-start.ts `firstStartApart`): the server does not keep the memory they grew.
      if (embedded?.fresh) {
        const { initInChildProcess } = await import('../first-start');
        const dataDir = embedded.dataDir;
        embedded = await firstStartApart(embedded, async (lockFd) => {
          firstLogins = await initInChildProcess(dataDir, lockFd, env);
        });
      }
      runtimeOpening = openRuntime(config, { embedded });
      runtimeOpening.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      modules = await loading;
      runtime = await runtimeOpening;
    } catch (e) {
      // Whatever failed, nothing may stay open: a runtime that did open is closed; otherwise the early-started
      // database is (openRuntime has already closed what it took when it failed itself).
      const openedRuntime = await runtimeOpening?.catch(() => undefined);
      if (openedRuntime) await openedRuntime.close().catch(() => undefined);
      else await embedded?.abandon().catch(() => undefined);
      throw e;
    }
    const [{ createServerApp }, { startupTasks }, { seedDemo }] = modules;
    const { deps } = runtime;
    const opened = performance.now();
    let background: Promise<void> = Promise.resolve();
    // A stop before the deferred check starts skips it instead of waiting for it.
    let stopping = false;
    let checkNow = () => {};
    let uploads: UploadSpace;
    try {
      // Upload folders a crashed server left behind are removed here; this server's own goes at shutdown.
      uploads = claimUploadSpace(join(config.dataDir, 'uploads'));
      if (uploads.removed > 0) deps.logger.info({ removed: uploads.removed }, 'removed upload folders left by a crash');
      // An empty database gets its catalogs before the first request. A database that has them already starts
      // serving at once and checks the bundled content for changes right after (a changed catalog is swapped in
      // atomically; the catalog cache picks it up), which keeps a restart well under two seconds.
      if ((await deps.uow.read.catalogs.listEditions()).length === 0) await startupTasks(runtime);
      else
        background = new Promise<void>((r) => {
          checkNow = r;
          setTimeout(r, 1500).unref(); // let the first requests in first
        })
          .then(() => (stopping ? undefined : startupTasks(runtime)))
          .catch((err: unknown) => deps.logger.error({ err }, 'bundled catalog check failed'));
      if (config.seedDemo && !config.databaseUrl) {
        const logins =
          firstLogins !== undefined ? firstLogins : await seedDemo(deps, { password: config.demoPassword });
        printLogins(ctx.stdout, config.dataDir, logins);
      }
    } catch (e) {
      await runtime.close();
      throw e;
    }
    const tasksDone = performance.now();
    const app = createServerApp({ ...deps, uploadDir: uploads.dir });
    const [{ scheduleAuditCheckpoints }, { systemTicker }, { startJobs }, { startControlSocket }] = await Promise.all([
      import('../checkpoint-schedule'),
      import('../../infra/system'),
      import('../job-schedule'),
      import('../control-socket'),
    ]);
    // Scheduled and background work (session and invitation expiry …): one queue in the database, shared by every
    // server on one PostgreSQL.
    const jobs = startJobs(deps, deps.logger, config.jobPollSeconds, systemTicker);
    // `ismap backup` while this server holds the embedded database: it asks here, and this process makes the copy.
    const control = config.databaseUrl
      ? { close: async () => undefined }
      : startControlSocket(
          config.dataDir,
          {
            // Loaded when first asked: the archive code is no start-up cost.
            backup: async () =>
              (await import('../backup')).backupArchive({
                engine: runtime.engine,
                dataDir: config.dataDir,
                checkpointFile: config.auditCheckpoint?.file,
                appVersion: deps.version,
                now: deps.clock.now(),
              }),
          },
          deps.logger,
        );
    const checkpoints = scheduleAuditCheckpoints(
      deps,
      deps.logger,
      config.auditCheckpoint?.intervalSeconds ?? 0,
      systemTicker,
    );
    const server = listen({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
      deps.logger.info(
        {
          port: info.port,
          database: deps.engineKind,
          dataDir: config.databaseUrl ? undefined : config.dataDir,
          embeddedOpenedEarly: early !== undefined,
          startupMs: Math.round(performance.now() - started),
          openDatabaseMs: Math.round(opened - started),
          loadCodeMs: Math.round(started),
          startupTasksMs: Math.round(tasksDone - opened),
          sinceProcessStartMs: Math.round(performance.now()),
        },
        `ISMAP Hub listening on http://localhost:${info.port}`,
      );
    });
    let failed = false;
    await new Promise<void>((resolve) => {
      const stop = () => {
        if (stopping) return;
        deps.logger.info('shutting down');
        stopping = true;
        checkNow();
        server.close(
          () =>
            void Promise.all([background, checkpoints.stop(), jobs.stop(), control.close()])
              .then(() => shutdown(runtime))
              .then(() => uploads.release())
              .then(resolve),
        );
        // Idle keep-alive connections must not hold shutdown up.
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Without its database the server can only answer errors: stop, so a supervisor restarts it.
      void runtime.engine.unexpectedStop?.then((err) => {
        deps.logger.fatal({ err }, 'the embedded database stopped unexpectedly; shutting down');
        failed = true;
        stop();
      });
    });
    return failed ? 1 : 0;
  },
};

async function shutdown(runtime: Runtime) {
  await runtime.close();
}

function printLogins(out: NodeJS.WritableStream, dataDir: string, logins: DemoLogin[] | null) {
  const file = join(dataDir, 'demo-logins.txt');
  if (logins) {
    const lines = ['', '  ISMAP Hub demo logins (shown once; also saved to ' + file + '):', ''];
    for (const l of logins)
      lines.push(
        `    ${l.email.padEnd(36)} ${l.password.padEnd(22)} ${l.role}${l.organization ? ` — ${l.organization}` : ''}`,
      );
    lines.push(
      '',
      '  The platform administrator must set up a second factor at the first sign-in: scan the QR code shown then with',
      '  an authenticator app (or add a passkey) and keep the recovery codes. The other demo users sign in with a password.',
      '',
    );
    writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
    out.write(lines.join('\n') + '\n');
  } else if (existsSync(file)) {
    out.write(`\n  Demo logins: see ${file}\n\n`);
  }
}
