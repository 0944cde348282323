import { describe, expect, it } from 'vitest';
import { makeNode, type CatalogEdition, type CatalogNode } from './model';
import { SearchIndex, snippet } from './search-index';
import { foldSearchText, foldWithOffsets, tokenize } from './search-text';

const node = (id: string, over: Partial<CatalogNode> = {}): CatalogNode =>
  makeNode({
    id,
    kind: 'item',
    depth: id.split('.').length - 1,
    parentId: id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : null,
    position: 0,
    ...over,
  });

const ismap: CatalogEdition = {
  catalog: 'ismap',
  edition: '2024-07',
  title: {},
  provenance: 'test',
  nodes: [
    node('9', { title: { ja: 'アクセス制御', en: 'Access Control' } }),
    node('9.2', { title: { ja: '利用者アクセスの管理' } }),
    node('9.2.3', { title: { ja: '特権的アクセス権の管理', en: 'Management of privileged access rights' } }),
    node('9.2.3.11.PB', {
      flags: ['P', 'B'],
      text: {
        ja: 'クラウドサービス事業者は、管理者権限を持つ利用者のアクセスを、ＭＦＡ（多要素認証）により保護する。',
      },
    }),
    node('12.4.1.2', { text: { ja: 'サーバーのイベントログを取得し、保管する。' } }),
    node('13.1.1.1', { text: { ja: 'ネットワーク・セキュリティを管理する。' } }),
  ],
};
const nist: CatalogEdition = {
  catalog: 'nist-800-53r5',
  edition: '5.1.1',
  title: {},
  provenance: 'test',
  nodes: [
    node('ac', { kind: 'family', title: { en: 'Access Control' } }),
    node('ac-2', {
      parentId: 'ac',
      label: 'AC-2',
      title: { en: 'Account Management' },
      text: { en: 'Define and document the types of accounts allowed for use within the system.' },
    }),
    node('ac-2.1', { parentId: 'ac-2', label: 'AC-2(1)', title: { en: 'Automated System Account Management' } }),
    node('ac-20', { parentId: 'ac', label: 'AC-20', title: { en: 'Use of External Systems' } }),
    node('au-6', {
      parentId: 'au',
      label: 'AU-6',
      title: { en: 'Audit Record Review' },
      text: { en: 'Review audit records for account misuse.' },
    }),
  ],
};
const index = SearchIndex.build([ismap, nist]);

describe('search text folding', () => {
  it('folds width, case, katakana, long vowels and middle dots', () => {
    expect(foldSearchText('　ＡＣＣＥＳＳ　サーバー・ログ ')).toBe('access さばろぐ');
    expect(foldSearchText('ｻｰﾊﾞｰ')).toBe(foldSearchText('サーバ'));
    expect(foldSearchText('ネットワーク・セキュリティ')).toBe(foldSearchText('ネットワークセキュリティ'));
    expect(foldSearchText('A  b\n\tC')).toBe('a b c');
  });

  it('keeps offsets into the NFKC text', () => {
    const f = foldWithOffsets('ＡＢ サーバー');
    expect(f.folded).toBe('ab さば');
    expect(f.nfkc[f.offsets[3]!]).toBe('サ');
    expect(f.nfkc[f.offsets[4]!]).toBe('バ');
  });

  it('splits latin into words (ids whole and in parts) and CJK into bigrams', () => {
    expect(tokenize('ac-2 account')).toEqual({ words: ['ac-2', 'ac', '2', 'account'], grams: [] });
    expect(tokenize('ac-2', { parts: false }).words).toEqual(['ac-2']);
    expect(tokenize('あくせす制御').grams).toEqual(['あく', 'くせ', 'せす', 'す制', '制御']);
    expect(tokenize('鍵').grams).toEqual(['鍵']);
  });
});

describe('SearchIndex', () => {
  const keys = (q: string, opts = {}) => index.search(q, opts).map((h) => h.key);

  it('finds loose ids first, exact before prefix', () => {
    expect(keys('９．２．３．１１ＰＢ')[0]).toBe('ismap:2024-07:9.2.3.11.PB');
    expect(keys('9.2.3.11 pb')[0]).toBe('ismap:2024-07:9.2.3.11.PB');
    const hits = index.search('AC-2');
    expect(hits[0]).toMatchObject({ key: 'nist-800-53r5:5.1.1:ac-2', matchedIn: 'id' });
    expect(hits[1]).toMatchObject({ key: 'nist-800-53r5:5.1.1:ac-2.1', matchedIn: 'id-prefix' });
    expect(hits.map((h) => h.id)).not.toContain('ac-20');
    expect(keys('ac 2 (1)')[0]).toBe('nist-800-53r5:5.1.1:ac-2.1');
    expect(keys('9.2')).toEqual(['ismap:2024-07:9.2', 'ismap:2024-07:9.2.3', 'ismap:2024-07:9.2.3.11.PB']);
  });

  it('ranks titles above texts', () => {
    const hits = index.search('account');
    expect(hits.map((h) => [h.id, h.matchedIn])).toEqual([
      ['ac-2', 'title'],
      ['ac-2.1', 'title'],
      ['au-6', 'text'],
    ]);
  });

  it('matches Japanese without spaces, across katakana forms', () => {
    expect(keys('アクセス制御')[0]).toBe('ismap:2024-07:9');
    expect(keys('特権的アクセス')).toEqual(['ismap:2024-07:9.2.3']);
    expect(keys('多要素認証')).toEqual(['ismap:2024-07:9.2.3.11.PB']);
    expect(keys('サーバ')).toEqual(['ismap:2024-07:12.4.1.2']);
    expect(keys('ｻｰﾊﾞｰ ログ')).toEqual(['ismap:2024-07:12.4.1.2']);
    expect(keys('ネットワークセキュリティ')).toEqual(['ismap:2024-07:13.1.1.1']);
    expect(keys('mfa')).toEqual(['ismap:2024-07:9.2.3.11.PB']);
  });

  it('filters by catalog, with or without edition, and limits', () => {
    expect(keys('access control', { catalogs: ['nist-800-53r5'] })).toEqual(['nist-800-53r5:5.1.1:ac']);
    expect(keys('access control', { catalogs: ['ismap:2024-07'] })[0]).toBe('ismap:2024-07:9');
    expect(keys('a', { limit: 1 }).length).toBeLessThanOrEqual(1);
    expect(index.search('   ')).toEqual([]);
    expect(index.size).toBe(11);
  });

  it('gives a snippet around the match and says where it matched', () => {
    const [hit] = index.search('多要素');
    expect(hit).toMatchObject({ matchedIn: 'text', lang: 'ja' });
    expect(hit!.snippet).toContain('MFA(多要素認証)');
    expect(snippet('x'.repeat(100) + 'needle' + 'y'.repeat(100), 'needle')).toMatch(/^….*needle.*…$/);
  });
});

describe('SearchIndex snippets on demand', () => {
  it('leaves snippets empty when asked, and withSnippet gives each kept hit the snippet search would have made', () => {
    for (const q of ['多要素認証', 'account management', 'ac-2', 'サーバー']) {
      const full = index.search(q, { limit: 10 });
      const bare = index.search(q, { limit: 10, snippets: false });
      expect(full.length).toBeGreaterThan(0);
      expect(bare.every((h) => h.snippet === '')).toBe(true);
      expect(bare.map((h) => index.withSnippet(h, q))).toEqual(full);
    }
  });
});
