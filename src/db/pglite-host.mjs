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
import { PGlite } from '@electric-sql/pglite';

/** @type {{ dataDir?: string, template?: ArrayBuffer, startParams: string[] }} */
const options = workerData;

/** Copies a view into its own buffer so it can be transferred (PGlite's answers are views into wasm memory). */
function own(view) {
  const copy = new Uint8Array(view.byteLength);
  copy.set(view);
  return copy;
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
let queue = Promise.resolve();
parentPort.on('message', (msg) => {
  queue = queue.then(() => handle(msg));
});

let pg;
try {
  const startParams = [...PGlite.defaultStartParams, ...options.startParams];
  pg = options.dataDir
    ? await PGlite.create(options.dataDir, { startParams })
    : await PGlite.create({ startParams, ...(options.template ? { loadDataDir: new Blob([options.template]) } : {}) });
  parentPort.postMessage({ ready: true });
} catch (e) {
  parentPort.postMessage({ openError: describe(e) });
  parentPort.close();
}

async function handle(msg) {
  try {
    if (msg.op === 'raw') {
      const data = own(await pg.execProtocolRaw(msg.message, { syncToFs: msg.syncToFs }));
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
