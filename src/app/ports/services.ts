/** Password hashing (argon2id in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}

/** Repeats work on a period (periodic audit checkpoints); returns a function that stops it. Fakes tick by hand. */
export interface Ticker {
  every(ms: number, fn: () => void): () => void;
}

export interface IdGenerator {
  uuid(): string;
  /** A random URL-safe token with at least 256 bits. */
  token(): string;
}
