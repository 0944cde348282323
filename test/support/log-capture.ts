import { createLogger } from '../../src/infra/logger';
import type { TestServer } from './server';

/** Replaces the test server's silent logger with one that keeps every line, as the real one would write it. */
export function captureLogs(s: TestServer): { lines: string[]; text(): string } {
  const lines: string[] = [];
  s.deps.logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  return { lines, text: () => lines.join('') };
}
