import type { Worker } from 'node:worker_threads';
import { Mutex, PGlite, messages, protocol } from '@electric-sql/pglite';
import type { DebugLevel, ExecProtocolOptions, ExecProtocolOptionsStream, ExecProtocolResult } from '@electric-sql/pglite';
import { spawnPgliteHost, type PgliteHost } from './embedded-start';

type BackendMessage = messages.BackendMessage;

/**
 * Embedded PostgreSQL in a worker thread.
 *
 * Why: PGlite is PostgreSQL compiled to WebAssembly, and everything it does — opening the data folder (~0.6 s of
 * CPU at start-up), every query — runs synchronously on whichever thread owns it. On the main thread that work
 * competes with loading the server's code at start-up and with every HTTP request afterwards: a long catalog load
 * or import froze `/healthz`. In a worker it runs on the other core: start-up overlaps opening the database with
 * loading the code, and the event loop keeps answering while PostgreSQL works.
 *
 * How: this class is PGlite's own `BasePGlite` (query, exec, transaction, describe, type parsers — the same code
 * PGlite's browser worker uses) with the transport replaced: wire-protocol bytes go to `pglite-host.mjs` and
 * the answer's bytes come back, parsed here. Errors are therefore genuine `DatabaseError`s with SQLSTATE codes, and
 * drizzle's PGlite driver works unchanged. The worker executes one message at a time; the two mutexes here give
 * the same query/transaction exclusivity as an in-process PGlite.
 *
 * Not supported (we do not use them): LISTEN/NOTIFY, and COPY to or from blobs.
 */

type Reply = { id: number; data?: Uint8Array; error?: { message: string; stack?: string } };

// BasePGlite is not exported by name; it is PGlite's superclass. Typed as what we use of it.
type BaseShape = Pick<PGlite, 'query' | 'sql' | 'exec' | 'transaction' | 'describeQuery' | 'serializers' | 'parsers' | '_initArrayTypes' | 'refreshArrayTypes'>;
const BasePGlite = Object.getPrototypeOf(PGlite) as abstract new () => BaseShape;

// Frontend message types (first byte) whose answers query() does not look at before sending the next message.
const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'
const EXECUTE = 0x45; // 'E'
const DESCRIBE = 0x44; // 'D', followed by length (4 bytes) and 'S' (statement) or 'P' (portal)
function deferrable(m: Uint8Array): boolean {
  const t = m[0];
  return t === PARSE || t === BIND || t === EXECUTE || (t === DESCRIBE && m[5] === 0x50);
}

export class WorkerPGlite extends BasePGlite {
  debug: DebugLevel = 0;
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #closed = false;
  #failure: Error | undefined;
  readonly #queryMutex = new Mutex();
  readonly #transactionMutex = new Mutex();
  #parser = new protocol.Parser();
  #deferred: Uint8Array[] = [];
  readonly #exited: Promise<void>;
  #reportStop: (e: Error) => void = () => {};
  /** Resolves (never rejects) only if the worker stops without close(): a crash. The server exits on it. */
  readonly unexpectedStop: Promise<Error> = new Promise((r) => (this.#reportStop = r));

  private constructor(worker: Worker) {
    super();
    this.#worker = worker;
    this.#exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (m: Reply) => {
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      p.resolve(m);
    });
    const fail = (e: Error) => {
      if (!this.#closed) {
        this.#failure ??= e;
        this.#reportStop(e);
      }
      this.#closed = true;
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    worker.on('error', (e) => fail(new Error(`The embedded database stopped: ${e.message}`, { cause: e })));
    worker.on('exit', (code) => fail(new Error(`The embedded database stopped (worker exit code ${code})`)));
  }

  /** Opens a database in a new worker: on a data folder, or in memory (optionally from a dumped template). */
  static async open(opts: { pgDir?: string | undefined; template?: Blob | undefined }): Promise<WorkerPGlite> {
    const template = opts.template ? await opts.template.arrayBuffer() : undefined;
    return WorkerPGlite.attach(spawnPgliteHost({ pgDir: opts.pgDir, template }));
  }

  /** The client of a host started earlier (see embedded-start.ts); resolves once PostgreSQL answers. */
  static async attach(host: PgliteHost): Promise<WorkerPGlite> {
    try {
      await host.ready;
    } catch (e) {
      await host.worker.terminate();
      throw e;
    }
    const db = new WorkerPGlite(host.worker);
    await db._initArrayTypes();
    return db;
  }

  get closed(): boolean {
    return this.#closed;
  }

  #call(op: 'raw' | 'dump' | 'close', payload: { message?: Uint8Array; syncToFs?: boolean } = {}): Promise<Reply> {
    if (this.#closed) return Promise.reject(this.#failure ?? new Error('The embedded database is closed'));
    const id = this.#nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, op, ...payload });
    }).then((r) => {
      if (r.error) {
        const err = new Error(r.error.message);
        if (r.error.stack) err.stack = r.error.stack;
        throw err;
      }
      return r;
    });
  }

  async execProtocolRaw(message: Uint8Array, { syncToFs = true }: ExecProtocolOptions = {}): Promise<Uint8Array> {
    return (await this.#call('raw', { message: this.#withDeferred(message), syncToFs })).data!;
  }

  async execProtocolRawStream(message: Uint8Array, { syncToFs = true, onRawData }: ExecProtocolOptionsStream): Promise<void> {
    onRawData(await this.execProtocolRaw(message, { syncToFs }));
  }

  async execProtocol(message: Uint8Array, options: ExecProtocolOptions = {}): Promise<ExecProtocolResult> {
    if (deferrable(message)) return { messages: this.#defer(message), data: new Uint8Array(0) };
    const data = await this.execProtocolRaw(message, { syncToFs: options.syncToFs ?? true });
    return { messages: this.#parse(data, options), data };
  }

  async execProtocolStream(message: Uint8Array, options: ExecProtocolOptions = {}): Promise<BackendMessage[]> {
    if (deferrable(message)) return this.#defer(message);
    const data = await this.execProtocolRaw(message, { syncToFs: options.syncToFs ?? true });
    return this.#parse(data, options);
  }

  /**
   * Pipelining. PGlite's query() sends parse, describe-statement, bind, describe-portal, execute and sync one at a
   * time and awaits each answer; in-process that is free, across threads each round trip cost ~0.13 ms (measured:
   * 1.26 ms per parameterised query against 0.49 ms in-process). Only the statement description is needed before
   * the next step (it gives the parameter types), so parse, bind, describe-portal and execute are held back and
   * sent with the next message that needs an answer: two round trips per query. Their answers arrive in order with
   * that message's, which is where query() collects them; an error among them is thrown from there, still before
   * query() returns, with PostgreSQL's SQLSTATE as always.
   */
  #defer(message: Uint8Array): BackendMessage[] {
    this.#deferred.push(message);
    return [];
  }

  #withDeferred(message: Uint8Array): Uint8Array {
    if (this.#deferred.length === 0) return message;
    const parts = [...this.#deferred, message];
    this.#deferred = [];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }

  /** What PGlite does with an answer: keep messages up to the first error, pass notices on, throw the error. */
  #parse(data: Uint8Array, { throwOnError = true, onNotice }: ExecProtocolOptions): BackendMessage[] {
    const results: BackendMessage[] = [];
    let error: InstanceType<typeof messages.DatabaseError> | undefined;
    this.#parser.parse(data, (msg) => {
      if (error) return;
      if (msg instanceof messages.DatabaseError) {
        if (throwOnError) error = msg;
      } else if (msg instanceof messages.NoticeMessage) {
        onNotice?.(msg);
      }
      results.push(msg);
    });
    if (error) {
      this.#parser = new protocol.Parser();
      throw error;
    }
    return results;
  }

  async syncToFs(): Promise<void> {
    // Every protocol call already syncs (syncToFs defaults to true), and the data-folder filesystem writes through.
  }

  async _handleBlob(blob?: File | Blob): Promise<void> {
    if (blob) throw new Error('COPY with blobs is not supported by the embedded database worker');
  }

  async _getWrittenBlob(): Promise<File | Blob | undefined> {
    return undefined;
  }

  async _cleanupBlob(): Promise<void> {}

  async _checkReady(): Promise<void> {
    if (this.#closed) throw this.#failure ?? new Error('The embedded database is closed');
  }

  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T> {
    return this.#queryMutex.runExclusive(fn);
  }

  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.#transactionMutex.runExclusive(fn);
  }

  async listen(): Promise<never> {
    throw new Error('LISTEN is not supported by the embedded database worker');
  }

  /** A tar of the data folder (in-memory test templates). */
  async dumpDataDir(): Promise<Blob> {
    const r = await this.#call('dump');
    return new Blob([r.data as Uint8Array<ArrayBuffer>]);
  }

  /**
   * Stops the worker at once, without closing PostgreSQL: what a crash does. PostgreSQL recovers from its WAL at the
   * next open, so committed transactions survive (test/db/pglite-worker.test.ts). For a close that cannot finish.
   */
  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }

  /** Waits for running queries, closes PostgreSQL cleanly in the worker, and ends the worker. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#transactionMutex.runExclusive(() =>
      this.#queryMutex.runExclusive(async () => {
        await this.#call('close');
        this.#closed = true;
      }),
    );
    await this.#exited;
  }
}
