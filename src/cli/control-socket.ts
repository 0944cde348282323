import { createServer, request, type Server } from 'node:http';
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { DomainError } from '../core/errors';

/**
 * The running server's control socket: a Unix socket in the data folder (`control.sock`, mode 0600), answering
 * HTTP from the same host for what only the process holding the embedded database can do — a consistent backup
 * while it serves (PGlite has one owner; the data folder is locked). Only someone who may read the data folder
 * can reach it, and they could copy the database anyway; it is not on the network.
 */
export const CONTROL_SOCKET = 'control.sock';
/** Linux's limit for a socket path (sun_path) is 108 bytes including the final NUL. */
const MAX_SOCKET_PATH = 107;

export const controlSocketPath = (dataDir: string) => join(dataDir, CONTROL_SOCKET);

export function startControlSocket(
  dataDir: string,
  handlers: { backup(): Promise<Readable> },
  logger: Pick<Logger, 'warn' | 'error' | 'info'>,
): { close(): Promise<void> } {
  const path = controlSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    logger.warn({ path }, 'data folder path too long for the control socket: ismap backup needs the server stopped');
    return { close: async () => undefined };
  }
  // This process holds the data folder's lock: a socket file there was left by a server that is gone.
  rmSync(path, { force: true });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    handlers
      .backup()
      .then((archive) => {
        res.writeHead(200, { 'content-type': 'application/gzip' });
        archive.on('error', (err) => {
          logger.error({ err }, 'backup failed while streaming');
          res.destroy(err);
        });
        archive.pipe(res);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'backup failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end((err as Error).message);
      });
  });
  server.listen(path, () => chmodSync(path, 0o600));
  server.on('error', (err) => logger.error({ err, path }, 'control socket failed'));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        rmSync(path, { force: true });
      }),
  };
}

/** Asks the server running on `dataDir` for a backup; the archive streams back. */
export function requestBackup(dataDir: string): Promise<Readable> {
  const socketPath = controlSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/backup', method: 'POST' }, (res) => {
      if (res.statusCode === 200) return resolve(res);
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => reject(new DomainError('internal', `the running server could not back up: ${text}`)));
    });
    req.on('error', (e) =>
      reject(
        new DomainError(
          'data_dir_locked',
          `the data folder ${dataDir} is in use by a running server, and its control socket (${socketPath}) does not answer: ${e.message}`,
        ),
      ),
    );
    req.end();
  });
}
