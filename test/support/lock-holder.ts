// Run by test/db/data-dir-lock.test.ts as a bundled plain-Node script: takes the data-folder lock, says whether it
// got it, and (when it did) holds it until it is killed.
import { lockDataDir } from '../../src/db/data-dir-lock';

const dir = process.argv[2]!;
try {
  lockDataDir(dir);
  process.stdout.write(`locked ${process.pid}\n`);
  setInterval(() => undefined, 1 << 30);
} catch (e) {
  process.stdout.write(`refused ${(e as Error).message}\n`);
}
