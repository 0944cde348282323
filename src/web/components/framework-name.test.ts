import { describe, expect, it } from 'vitest';
import { frameworkName, frameworkOf } from './framework-name';

describe('frameworkName', () => {
  it('names catalogs the way people do, in both languages', () => {
    expect(frameworkName('nist-800-53r5', 'en')).toBe('NIST SP 800-53 Rev. 5');
    expect(frameworkOf('nist-800-53r5:5.1.1', 'ja')).toBe('NIST SP 800-53 Rev. 5');
    expect(frameworkName('nist-800-53r4-high', 'en')).toBe('NIST SP 800-53 Rev. 4 High baseline');
    expect(frameworkName('fedramp-rev5-li-saas', 'ja')).toBe('FedRAMP Rev. 5 LI-SaaS ベースライン');
    expect(frameworkName('iso27001-2013', 'ja')).toBe('ISO/IEC 27001:2013');
    expect(frameworkName('ismap', 'ja')).toBe('ISMAP管理基準');
    expect(frameworkName('ismap', 'en')).toBe('ISMAP Control Criteria');
  });

  it('keeps the id of a catalog it does not know', () => {
    expect(frameworkName('my-own-catalog', 'en')).toBe('my-own-catalog');
  });
});
