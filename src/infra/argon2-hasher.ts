// The native module loads on the first hash, not at start-up (nothing is hashed until someone signs in).
const argon2 = () => import('@node-rs/argon2');
import type { PasswordHasher } from '../app/ports/services';

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane). Tests pass a cheaper
 * cost through `options` to stay fast; production uses the default.
 */
export function argon2Hasher(options: { memoryCost?: number; timeCost?: number } = {}): PasswordHasher {
  const opts = {
    algorithm: 2 /* Argon2id */,
    memoryCost: options.memoryCost ?? 19_456,
    timeCost: options.timeCost ?? 2,
    parallelism: 1,
  } as const;
  return {
    hash: async (password) => (await argon2()).hash(password, opts),
    verify: async (h, password) => {
      try {
        return await (await argon2()).verify(h, password);
      } catch {
        return false;
      }
    },
  };
}
