import { afterEach } from 'vitest';
import { installReadGuard, takeReadViolations } from './read-guard';

installReadGuard();

afterEach(() => {
  const found = takeReadViolations();
  if (found.length) throw new Error(`This test read outside the repository:\n  ${found.join('\n  ')}`);
});
