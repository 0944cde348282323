import type { Worker } from 'node:worker_threads';
import { Mutex, PGlite, messages, protocol } from '@electric-sql/pglite';
import type {
  DebugLevel,
  ExecProtocolOptions,
  ExecProtocolOptionsStream,
  ExecProtocolResult,
} from '@electric-sql/pglite';
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
type BaseShape = Pick<
  PGlite,
  | 'query'
  | 'sql'
  | 'exec'
  | 'transaction'
  | 'describeQuery'
  | 'serializers'
  | 'parsers'
  | '_initArrayTypes'
  | 'refreshArrayTypes'
>;
const BasePGlite = Object.getPrototypeOf(PGlite) as abstract new () => BaseShape;

// Frontend message types (first byte) that #exchange pipelines.
const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'
const EXECUTE = 0x45; // 'E'
const DESCRIBE = 0x44; // 'D', then length (4 bytes), then 'S' (statement) or 'P' (portal)
const PORTAL = 0x50;
const SYNC = 0x53; // 'S'
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export class WorkerPGlite extends BasePGlite {
  debug: DebugLevel = 0;
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #closed = false;
  #closing = false;
  #failure: Error | undefined;
  readonly #queryMutex = new Mutex();
  readonly #transactionMutex = new Mutex();
  #parser = new protocol.Parser();
  #deferred: Uint8Array[] = [];
  /** The ReadyForQuery of a sync sent early with an execute, for query()'s own sync that follows. */
  #heldReady: BackendMessage[] | undefined;
  readonly #exited: Promise<void>;
  #reportStop: (e: Error) => void = () => {};
  /** Resolves (never rejects) only if the worker stops without close(): a crash. The server exits on it. */
  readonly unexpectedStop: Promise<Error> = new Promise((r) => (this.#reportStop = r));

  private constructor(host: PgliteHost) {
    super();
    const worker = (this.#worker = host.worker);
    this.#exited = host.exited;
    worker.on('message', (m: Reply) => {
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      p.resolve(m);
    });
    const fail = (e: Error) => {
      // An exit during close() is the expected end, even if it is seen before close() has noted its answer.
      if (!this.#closed && !this.#closing) {
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
    const db = new WorkerPGlite(host);
    try {
      await db._initArrayTypes();
    } catch (e) {
      await host.worker.terminate();
      throw e;
    }
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

  async execProtocolRawStream(
    message: Uint8Array,
    { syncToFs = true, onRawData }: ExecProtocolOptionsStream,
  ): Promise<void> {
    onRawData(await this.execProtocolRaw(message, { syncToFs }));
  }

  /** Not used by PGlite's query path (that is execProtocolStream); unpipelined, with the answer's bytes. */
  async execProtocol(message: Uint8Array, options: ExecProtocolOptions = {}): Promise<ExecProtocolResult> {
    this.#heldReady = undefined;
    const data = await this.execProtocolRaw(message, { syncToFs: options.syncToFs ?? true });
    const answer = this.#parse(data, options);
    if (answer.error) throw answer.error;
    return { messages: answer.results, data };
  }

  async execProtocolStream(message: Uint8Array, options: ExecProtocolOptions = {}): Promise<BackendMessage[]> {
    return this.#exchange(message, options);
  }

  /**
   * Pipelining. PGlite's query() sends parse, describe-statement, bind, describe-portal, execute and sync one at a
   * time and awaits each answer; in-process that is free, across threads each round trip cost ~0.13 ms (measured:
   * 1.26 ms per parameterised query against 0.49 ms in-process). Only two answers matter before the next step:
   * the statement description (it gives the parameter types) and execute's (rows, or the error). So parse, bind
   * and describe-portal are held back and sent with the next message; execute goes out together with the sync
   * that query() always sends after it, and the sync's ReadyForQuery is kept to answer that sync locally. Two round
   * trips per query; every answer and error reaches query() at the step where in-process PGlite gives it, so
   * errors get their `query`/`params` fields the same way.
   */
  async #exchange(message: Uint8Array, options: ExecProtocolOptions): Promise<BackendMessage[]> {
    const type = message[0];
    if (type === SYNC && message.byteLength === SYNC_MESSAGE.byteLength && this.#heldReady) {
      const ready = this.#heldReady;
      this.#heldReady = undefined;
      return ready;
    }
    this.#heldReady = undefined;
    if (type === PARSE || type === BIND || (type === DESCRIBE && message[5] === PORTAL)) {
      this.#deferred.push(message);
      return [];
    }
    const syncToFs = options.syncToFs ?? true;
    if (type === EXECUTE) {
      const answer = this.#parse(await this.execProtocolRaw(concat([message, SYNC_MESSAGE]), { syncToFs }), options);
      const last = answer.results.at(-1);
      // ReadyForQuery ends the answer even after an error (the backend skips to the sync): keep it for that sync.
      if (last instanceof messages.ReadyForQueryMessage) {
        this.#heldReady = [last];
        if (!answer.error) answer.results.pop();
      }
      if (answer.error) throw answer.error;
      return answer.results;
    }
    const answer = this.#parse(await this.execProtocolRaw(message, { syncToFs }), options);
    if (answer.error) throw answer.error;
    return answer.results;
  }

  /**
   * What PGlite does with an answer: keep messages up to the first error, pass notices on, report the error (the
   * caller throws it). The ReadyForQuery that closes an answer is kept even after an error, for #exchange.
   */
  #parse(
    data: Uint8Array,
    { throwOnError = true, onNotice }: ExecProtocolOptions,
  ): { results: BackendMessage[]; error?: InstanceType<typeof messages.DatabaseError> } {
    const results: BackendMessage[] = [];
    let error: InstanceType<typeof messages.DatabaseError> | undefined;
    let ready: BackendMessage | undefined;
    this.#parser.parse(data, (msg) => {
      if (error) {
        if (msg instanceof messages.ReadyForQueryMessage) ready = msg;
        return;
      }
      if (msg instanceof messages.DatabaseError) {
        if (throwOnError) error = msg;
      } else if (msg instanceof messages.NoticeMessage) {
        onNotice?.(msg);
      }
      results.push(msg);
    });
    if (error) {
      this.#parser = new protocol.Parser();
      if (ready) results.push(ready);
      return { results, error };
    }
    return { results };
  }

  #withDeferred(message: Uint8Array): Uint8Array {
    if (this.#deferred.length === 0) return message;
    const parts = [...this.#deferred, message];
    this.#deferred = [];
    return concat(parts);
  }

  async syncToFs(): Promise<void> {
    // Nothing to do: the worker's file systems (a data folder through Node's fs, or memory) write through.
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
    const r = await this.#queryMutex.runExclusive(() => this.#call('dump'));
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
        this.#closing = true;
        try {
          await this.#call('close');
        } catch (e) {
          // PostgreSQL did not close cleanly: stop the worker anyway, so nothing holds the folder once we return.
          await this.#worker.terminate();
          throw e;
        } finally {
          this.#closed = true;
        }
      }),
    );
    await this.#exited;
  }
}
