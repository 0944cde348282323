// The worker thread that owns the embedded PostgreSQL (PGlite). See pglite-worker.ts for why it lives in a
// worker. It speaks only raw PostgreSQL wire protocol: the main thread serialises queries and parses the answers,
// so errors reach callers as real DatabaseError objects and the worker stays this small.
//
// Plain JavaScript on purpose: a worker thread cannot load TypeScript under every runner we use (tsx, vitest, the
// esbuild bundle), and this file has no logic worth typing beyond the message shapes documented below.
//
//   main → worker  { id, op: 'raw', message: Uint8Array, syncToFs: boolean }  → { id, data: Uint8Array }
//                  { id, op: 'dump' }                                           → { id, data: Uint8Array } (tar)
//                  { id, op: 'close' }                                          → { id } and the worker ends
//   worker → main  { ready: true } once open, or { openError: { message, stack } }
//   any op failing → { id, error: { message, stack } }
import { parentPort, workerData } from 'node:worker_threads';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/** @type {{ dataDir?: string, template?: ArrayBuffer, startParams: string[] }} */
const options = workerData;

/**
 * A first start on an empty data folder runs initdb, which grows PGlite's WebAssembly memory to ~700 MB (measured:
 * RSS 856 MB right after opening a fresh folder, 312 MB opening it again). WebAssembly memory never shrinks, so the
 * server would hold that for its whole life. initdb therefore runs in a short-lived process of its own
 * (pglite-init.mjs), and this worker then opens the initialised folder like any restart. A process rather than a
 * worker thread: memory a thread's allocator held is not all given back to the OS when the thread ends.
 */
function initInOwnProcess() {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(new URL('./pglite-init.mjs', import.meta.url));
    execFile(process.execPath, [script, options.dataDir, ...options.startParams], (error, _stdout, stderr) => {
      if (error) reject(new Error(`initdb failed: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
}

let pg;
await serve();

/**
 * Runs one raw protocol message and answers its bytes in a buffer of their own (transferable; PGlite hands out
 * views into wasm memory). Through execProtocolRawStream, not execProtocolRaw: PGlite 0.5's execProtocolRaw also
 * parses every answer into a results list that only execProtocol/execProtocolStream ever reset, so each row read
 * through it stayed in memory for the life of the database (measured: RSS +190 KB per 20-row audit page, 1.4 GB
 * after a 3-minute soak). The stream variant hands the bytes to us and keeps nothing.
 */
async function raw(message, syncToFs) {
  const chunks = [];
  let size = 0;
  await pg.execProtocolRawStream(message, {
    syncToFs,
    onRawData: (view) => {
      chunks.push(view.slice());
      size += view.byteLength;
    },
  });
  if (chunks.length === 1) return chunks[0];
  const data = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.byteLength;
  }
  return data;
}

// The few codes a data folder can fail with, so the message says ENOSPC rather than only a number.
const EMSCRIPTEN_ERRNO = { 2: 'EACCES', 20: 'EEXIST', 29: 'EIO', 44: 'ENOENT', 51: 'ENOSPC', 63: 'EPERM', 69: 'EROFS' };

function describe(e) {
  if (e instanceof Error) return { message: e.message, stack: e.stack };
  // The WebAssembly filesystem throws plain objects: { name: 'ErrnoError', errno } (Emscripten's numbering).
  if (e && typeof e === 'object' && 'errno' in e) {
    const name = EMSCRIPTEN_ERRNO[e.errno];
    return { message: `${name ? `${name} ` : ''}${e.name ?? 'file system error'} (Emscripten errno ${e.errno})` };
  }
  return { message: String(e) };
}

// The listener goes on first: registered only after the open's top-level await, messages sat undelivered for
// ~200 ms after 'ready' (measured), which start-up paid in full. One message at a time, in order; the client
// sends nothing before 'ready'.
async function serve() {
  let queue = Promise.resolve();
  parentPort.on('message', (msg) => {
    queue = queue.then(() => handle(msg));
  });
  try {
    if (options.dataDir && !existsSync(join(options.dataDir, 'PG_VERSION'))) await initInOwnProcess();
    const startParams = [...PGlite.defaultStartParams, ...options.startParams];
    pg = options.dataDir
      ? await PGlite.create(options.dataDir, { startParams })
      : await PGlite.create({
          startParams,
          ...(options.template ? { loadDataDir: new Blob([options.template]) } : {}),
        });
    parentPort.postMessage({ ready: true });
  } catch (e) {
    parentPort.postMessage({ openError: describe(e) });
    parentPort.close();
  }
}

async function handle(msg) {
  try {
    if (msg.op === 'raw') {
      const data = await raw(msg.message, msg.syncToFs);
      parentPort.postMessage({ id: msg.id, data }, [data.buffer]);
    } else if (msg.op === 'dump') {
      const blob = await pg.dumpDataDir('none');
      const data = new Uint8Array(await blob.arrayBuffer());
      parentPort.postMessage({ id: msg.id, data }, [data.buffer]);
    } else if (msg.op === 'close') {
      try {
        await pg.close();
        parentPort.postMessage({ id: msg.id });
      } catch (e) {
        parentPort.postMessage({ id: msg.id, error: describe(e) });
      } finally {
        parentPort.close(); // the worker ends either way
      }
    } else {
      throw new Error(`unknown operation ${msg.op}`);
    }
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: describe(e) });
  }
}
