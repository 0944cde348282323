import { describe, expect, it } from 'vitest';
import { domainAllowed, emailDomain, normalizeDomains } from './model';

describe('SSO email domains', () => {
  it('allows only the listed domains, exactly', () => {
    expect(domainAllowed('a@Example.JP', ['example.jp'])).toBe(true);
    expect(domainAllowed('a@sub.example.jp', ['example.jp'])).toBe(false);
    expect(domainAllowed('a@example.jp.evil.test', ['example.jp'])).toBe(false);
    expect(domainAllowed('not-an-email', ['example.jp'])).toBe(false);
  });
  it('normalizes what an admin types', () => {
    expect(normalizeDomains([' @Example.JP ', 'example.jp', '', 'b.test'])).toEqual(['example.jp', 'b.test']);
    expect(emailDomain('x@y@z')).toBeNull();
  });
});
