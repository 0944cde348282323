import { describeFsError, systemCode } from '../formats/fs-errors';

/**
 * One line for an error that is not a domain error: a file problem names the file, a full disk says so, a stack
 * overflow says the input is nested too deeply. Anything else is a bug: its message, and the stack on request.
 */
export function errorLine(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const code = systemCode(e);
  if (code && typeof err.path === 'string')
    return `${err.path}: ${describeFsError({ ...err, code, message: err.message })}`;
  if (code === 'ENOSPC') return 'the disk is full (ENOSPC): free some space and try again';
  if (code) return `${describeFsError({ code, message: err.message })}: ${err.message}`;
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return 'the input is nested too deeply to process (maximum call stack size exceeded)';
  return `unexpected error: ${err?.message ?? String(e)} (set ISMAP_DEBUG=1 to see where)`;
}

/**
 * Where an issue is and what it says, for a terminal: `profile.json: $.profile.imports[0].href: circular import …`.
 * A path that is already a JSON path (the OSCAL validator's `$.catalog…`) is printed as it is.
 */
export function issueLine(i: { path: (string | number)[]; message: string; file?: string | undefined }): string {
  const first = i.path[0];
  const path =
    typeof first === 'string' && first.startsWith('$')
      ? i.path.join('')
      : i.path.length
        ? '$' + i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')
        : '';
  return [i.file, path, i.message].filter(Boolean).join(': ');
}
