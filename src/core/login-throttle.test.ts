import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('login throttle', () => {
  const limits = { perAccount: 3, perAddress: 5, windowMs: 60_000 };
  it('blocks an account after repeated failures until the window passes', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) t.fail('A@x.jp', '1.1.1.1', 1000 + i);
    expect(t.retryAfter('a@x.jp', '2.2.2.2', 2000)).toBeGreaterThan(0);
    expect(t.retryAfter('a@x.jp', '2.2.2.2', 1000 + 60_000)).toBe(0);
  });
  it('blocks an address spraying many accounts', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 5; i++) t.fail(`user${i}@x.jp`, '9.9.9.9', 1000);
    expect(t.retryAfter('fresh@x.jp', '9.9.9.9', 1001)).toBeGreaterThan(0);
    expect(t.retryAfter('fresh@x.jp', '8.8.8.8', 1001)).toBe(0);
  });
  it('clears the account after a success but keeps the address count', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 2; i++) t.fail('a@x.jp', '1.1.1.1', 1000);
    t.succeed('a@x.jp');
    t.fail('a@x.jp', '1.1.1.1', 1000);
    expect(t.retryAfter('a@x.jp', '1.1.1.1', 1001)).toBe(0);
  });
  it('says once which failure blocks the account or the address', () => {
    const t = new LoginThrottle(limits);
    const results = Array.from({ length: 5 }, (_, i) => t.fail('a@x.jp', '1.1.1.1', 1000 + i));
    expect(results.map((r) => r.accountBlocked)).toEqual([false, false, true, false, false]);
    expect(results.map((r) => r.addressBlocked)).toEqual([false, false, false, false, true]);
  });
});
