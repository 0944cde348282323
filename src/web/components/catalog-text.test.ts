import { describe, expect, it } from 'vitest';
import { nodeHref, sourceLabel } from './catalog-text';

describe('catalog text helpers', () => {
  it('shows the mapping set instead of an internal file path as a source', () => {
    expect(
      sourceLabel('content/ismap/criteria-skeleton.json', 'ISMAP detailed controls within their control objectives'),
    ).toBe('ISMAP detailed controls within their control objectives');
    expect(sourceLabel('NIST SP 800-53 Rev 5 to ISO/IEC 27001 mapping (2020-12)', 'x')).toBe(
      'NIST SP 800-53 Rev 5 to ISO/IEC 27001 mapping (2020-12)',
    );
    const nist =
      'NIST SP 800-53 Rev. 5 Control Mappings to ISO/IEC 27001 (content/mappings/nist-sp800-53r5_iso27001-2013_nist)';
    expect(sourceLabel(nist, 'x')).toBe('NIST SP 800-53 Rev. 5 Control Mappings to ISO/IEC 27001');
  });

  it('links a node key to its page', () => {
    expect(nodeHref('ismap:2024-07:9.2.3.11.PB')).toBe('/catalogs/ismap/2024-07/nodes/9.2.3.11.PB');
  });
});
