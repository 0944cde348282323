/** Why a file could not be read, in words (the system error's code stays in the message for searching). */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${err.code})`;
    case 'EISDIR':
      return 'is a folder, not a file (EISDIR)';
    case 'EROFS':
      return 'read-only file system (EROFS)';
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    default:
      return err.code ? `${err.message}` : String((e as Error).message ?? e);
  }
}

// Emscripten's numbering, as PGlite's in-memory file system reports it.
const EMSCRIPTEN_ERRNO: Record<number, string> = {
  2: 'EACCES',
  20: 'EEXIST',
  29: 'EIO',
  44: 'ENOENT',
  51: 'ENOSPC',
  63: 'EPERM',
  69: 'EROFS',
};

/** The system error code in an error or its causes, also when only the embedded database's message carries it. */
export function systemCode(e: unknown): string | undefined {
  for (let c = e, i = 0; c && i < 5; c = (c as { cause?: unknown }).cause, i++) {
    const err = c as { code?: unknown; message?: unknown };
    if (typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) return err.code;
    if (err.code === '53100') return 'ENOSPC'; // PostgreSQL's disk_full
    const m =
      typeof err.message === 'string'
        ? /Emscripten errno (\d+)|\b(ENOSPC|EROFS|EACCES|EPERM)\b/.exec(err.message)
        : null;
    if (m) return m[2] ?? EMSCRIPTEN_ERRNO[Number(m[1])];
  }
  return undefined;
}
