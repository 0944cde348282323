import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { ssoRefusals } from '../../core/sso/model';

describe('SSO refusal texts', () => {
  it('says every reason a single sign-on can be refused for, in both languages', () => {
    for (const r of ssoRefusals) expect([en.ssoRefusal[r], ja.ssoRefusal[r]].every(Boolean), r).toBe(true);
  });
});
