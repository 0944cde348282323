import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Blocker } from '../../core/statement/blockers';
import { blockersCsv } from './blockers-csv';

const blockers: Blocker[] = [
  { rule: 'period_missing', itemId: null, clears: 'fix_period', message: '', params: { item: null } },
  {
    rule: 'inherited_without_registration',
    itemId: '9.2.3.1',
    clears: 'register_underlying',
    message: '',
    params: { item: '9.2.3.1', service: '=HYPERLINK("http://x","y")' },
  },
  { rule: 'control_text_missing', itemId: '-1', clears: 'write_control', message: '', params: { item: '-1' } },
];

describe('blockersCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, headers in the language, every cell neutralized', () => {
    const bytes = blockersCsv(blockers, 'ja');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(5);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parse(text.slice(1)) as string[][];
    expect(rows[0]).toEqual(['項番', '阻害要因', '解消方法', '規則コード', '解消コード']);
    expect(rows[1]).toEqual([
      '言明書全体',
      '監査対象期間が設定されていない',
      '監査対象期間を直す',
      'period_missing',
      'fix_period',
    ]);
    expect(rows[2]![1]).toBe('継承元のサービス「=HYPERLINK("http://x","y")」にISMAP登録番号がない');
    // A plain negative number is not a formula and stays as it is.
    expect(rows[3]![0]).toBe('-1');
    const en = parse(blockersCsv(blockers, 'en').toString('utf8').slice(1)) as string[][];
    expect(en[0]).toEqual(['Item', 'Blocker', 'What clears it', 'Rule code', 'Clears code']);
    expect(en[2]![1]).toBe('Inherited from “=HYPERLINK("http://x","y")”, which has no ISMAP registration number');
  });

  it('quotes a formula-looking first character', () => {
    const csv = blockersCsv([{ ...blockers[2]!, itemId: '@cmd', params: { item: '@cmd' } }], 'en').toString('utf8');
    expect(csv.split('\r\n')[1]!.startsWith("'@cmd,")).toBe(true);
  });
});
