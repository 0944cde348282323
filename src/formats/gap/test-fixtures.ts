/**
 * Test and bench helpers: SoAs and a FedRAMP-sized SSP generated at run time from the bundled id lists (no binary
 * fixtures, no ISO text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { contentDir } from '../bundled/content-dir';

export function iso2013ControlIds(): string[] {
  const j = JSON.parse(
    readFileSync(join(contentDir, 'iso27001/iso27001-2013_ids-and-titles_from-nist.json'), 'utf8'),
  ) as {
    items: { id: string; level: string }[];
  };
  return j.items.filter((i) => i.level === 'control').map((i) => i.id);
}
export function iso2022ControlIds(): string[] {
  return (
    JSON.parse(readFileSync(join(contentDir, 'iso27001/iso27001-2022_ids.json'), 'utf8')) as { controls: string[] }
  ).controls;
}

const STATUS_JA = ['実施済', '一部実施', '計画中', '未実施'];

/** Rows of a Japanese 2013 SoA (114 controls) with loosely typed ids: `A.9.2.3`, `9.2.3` and `A 9.2.3` in turn. */
export function soa2013Rows(): string[][] {
  const ids = iso2013ControlIds();
  return [
    ['管理策番号', '管理策名', '適用', '実施状況', '適用理由', '実施内容', '責任者'],
    ...ids.map((id, k) => [
      k % 3 === 0 ? id : k % 3 === 1 ? id.slice(2) : id.replace('A.', 'A '),
      `control ${id}`,
      k === 5 ? '適用除外' : '適用',
      k === 5 ? '' : STATUS_JA[k % 4]!,
      `理由 ${k}`,
      `実施内容 ${k}`,
      '情報セキュリティ部',
    ]),
  ];
}

/** Rows of an English 2022 SoA (93 controls), ids with and without `A.`. */
export function soa2022Rows(): string[][] {
  return [
    ['Control', 'Title', 'Applicable', 'Implemented', 'Justification', 'Implementation description', 'Owner'],
    ...iso2022ControlIds().map((id, k) => [
      k % 2 ? id : id.slice(2),
      `control ${id}`,
      'Yes',
      k % 5 === 0 ? 'partially' : 'yes',
      'risk assessment',
      `description ${k}`,
      'CISO',
    ]),
  ];
}

const csvLine = (r: string[]) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
export const toCsv = (rows: string[][], encoding: 'utf-8' | 'utf-8-bom' | 'cp932' = 'utf-8'): Buffer => {
  const text = rows.map(csvLine).join('\r\n') + '\r\n';
  if (encoding === 'cp932') return iconv.encode(text, 'cp932');
  return Buffer.from((encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
};

export async function toXlsx(rows: string[][], opts: { cover?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.cover) wb.addWorksheet('表紙').addRow(['適用宣言書', '株式会社サンプル']);
  const ws = wb.addWorksheet('SoA');
  ws.addRow(['適用宣言書 (Statement of Applicability)']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Active SP 800-53 rev5 base controls in the bundled catalog, in catalog order. */
export function r5ControlIds(): string[] {
  const j = JSON.parse(
    readFileSync(join(contentDir, 'nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json'), 'utf8'),
  ) as {
    catalog: {
      groups: {
        controls?: {
          id: string;
          props?: { name: string; value: string }[];
          controls?: { id: string; props?: { name: string; value: string }[] }[];
        }[];
      }[];
    };
  };
  const withdrawn = (c: { props?: { name: string; value: string }[] }) =>
    c.props?.some((p) => p.name === 'status' && p.value === 'withdrawn') ?? false;
  const out: string[] = [];
  for (const g of j.catalog.groups)
    for (const c of g.controls ?? []) {
      if (!withdrawn(c)) out.push(c.id);
      for (const e of c.controls ?? []) if (!withdrawn(e)) out.push(e.id);
    }
  return out;
}

/**
 * A FedRAMP-style SSP: `n` implemented requirements (base controls and enhancements), each with statements
 * answered by several components, responsible roles, control origination, some inherited from a leveraged
 * authorization; parties, components and back-matter as a FedRAMP plan has them. Imports the bundled FedRAMP rev5
 * MODERATE baseline by file name.
 */
export function fedrampSizedSsp(n = 320): unknown {
  const ids = r5ControlIds().slice(0, n);
  const uuid = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
  const components = Array.from({ length: 12 }, (_, k) => ({
    uuid: uuid(900000 + k),
    type: k === 0 ? 'this-system' : 'software',
    title: k === 0 ? 'This System' : `Component ${k}`,
    description: `component ${k}`,
    status: { state: 'operational' },
  }));
  const origination = ['sp-corporate', 'sp-system', 'inherited', 'shared', 'customer-configured'];
  return {
    'system-security-plan': {
      uuid: uuid(1),
      metadata: {
        title: 'FedRAMP-sized test SSP',
        'last-modified': '2026-01-01T00:00:00Z',
        version: '1.0',
        'oscal-version': '1.1.2',
        roles: [
          { id: 'admin', title: 'Administrator' },
          { id: 'isso', title: 'ISSO' },
        ],
        parties: Array.from({ length: 30 }, (_, k) => ({
          uuid: uuid(800000 + k),
          type: 'person',
          name: `Person ${k}`,
        })),
      },
      'import-profile': { href: '#' + uuid(2) },
      'system-characteristics': {
        'system-name': 'Test',
        description: 'test',
        'security-sensitivity-level': 'moderate',
      },
      'system-implementation': {
        'leveraged-authorizations': [
          {
            uuid: uuid(3),
            title: 'IaaS provider (FedRAMP authorized)',
            'party-uuid': uuid(800000),
            'date-authorized': '2024-01-01',
          },
        ],
        users: [],
        components,
      },
      'control-implementation': {
        description: 'controls',
        'implemented-requirements': ids.map((id, k) => ({
          uuid: uuid(10000 + k),
          'control-id': id,
          props: [{ name: 'control-origination', ns: 'https://fedramp.gov/ns/oscal', value: origination[k % 5] }],
          'responsible-roles': [{ 'role-id': k % 2 ? 'admin' : 'isso' }],
          statements: ['a', 'b', 'c'].map((part, j) => ({
            'statement-id': `${id}_smt.${part}`,
            uuid: uuid(100000 + k * 3 + j),
            'by-components': components.slice(0, 3).map((c, m) => ({
              'component-uuid': c.uuid,
              uuid: uuid(200000 + k * 9 + j * 3 + m),
              description: `How ${c.title} meets ${id} part ${part}. `.repeat(8),
              'implementation-status': { state: k % 7 === 0 ? 'partial' : 'implemented' },
              ...(k % 5 === 2
                ? {
                    inherited: [
                      { uuid: uuid(300000 + k * 9 + j * 3 + m), 'provided-uuid': uuid(4), description: 'inherited' },
                    ],
                  }
                : {}),
            })),
          })),
        })),
      },
      'back-matter': {
        resources: [
          {
            uuid: uuid(2),
            rlinks: [
              {
                href: 'https://example.org/FedRAMP_rev5_MODERATE-baseline_profile.json',
                'media-type': 'application/json',
              },
            ],
          },
          ...Array.from({ length: 40 }, (_, k) => ({
            uuid: uuid(700000 + k),
            title: `Attachment ${k}`,
            rlinks: [{ href: `./attachments/${k}.pdf` }],
          })),
        ],
      },
    },
  };
}
