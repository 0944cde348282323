import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { soa2013Rows, toCsv } from '../../src/formats/gap/test-fixtures';
import { runCli, settleCliRuns } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'ismap-gap-cli-'));
afterEach(settleCliRuns);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A DATABASE_URL nothing listens on: a command that tried to open the database would fail.
const offline = (data: string) => ({ ISMAP_DATA_DIR: data, DATABASE_URL: 'postgres://ismap@127.0.0.1:9/none' });

describe('ismap gap', () => {
  it('prints proposals and the gap report for an SoA without a server or database, and writes xlsx and CSV', async () => {
    writeFileSync(join(dir, 'soa.csv'), toCsv(soa2013Rows(), 'cp932'));
    const data = join(dir, 'data');
    const { code, out, err } = await runCli(['gap', 'soa.csv', '--xlsx', 'gap.xlsx', '--csv', 'gap.csv'], {
      cwd: dir,
      env: offline(data),
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(existsSync(data)).toBe(false);
    expect(out).toContain('ISO/IEC 27001 edition: 2013 (high; 114 ids look like 2013');
    expect(out).toMatch(/equal: 114 \(114 may be accepted in bulk/);
    expect(out).toContain('5.1.1 ← A.5.1.1: A.5.1.1 —[equal; derived; ismap-2024-07_iso27001-2013_numbering]→ 5.1.1');
    expect(out).toContain('governance: 18 / 18');
    expect(readFileSync(join(dir, 'gap.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(dir, 'gap.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('answers JSON with proposals, paths and the report', async () => {
    writeFileSync(join(dir, 'soa2.csv'), toCsv(soa2013Rows()));
    const { code, out } = await runCli(['gap', 'soa2.csv', '--json'], { cwd: dir, env: offline(join(dir, 'd2')) });
    expect(code).toBe(0);
    const j = JSON.parse(out) as { ok: boolean; proposals: { proposals: unknown[] }; report: { totals: unknown } };
    expect(j.ok).toBe(true);
    expect(j.proposals.proposals.length).toBeGreaterThan(114);
    expect(j.report.totals).toBeDefined();
  });

  it('exits 1 with the row of each bad cell, and with the JSON path for an SSP', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'Control,Implemented\nA.9.2.3,yes\nZ.1,yes\nA.9.2.4,sometimes\n');
    const bad = await runCli(['gap', 'bad.csv'], { cwd: dir, env: offline(join(dir, 'd3')) });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.csv: row 3, column A: not an ISO/IEC 27001 control id: "Z.1"');
    expect(bad.err).toContain('bad.csv: row 4, column B: implemented: cannot read "sometimes"');
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ 'system-security-plan': { 'control-implementation': { 'implemented-requirements': [{}] } } }),
    );
    const ssp = await runCli(['gap', 'bad.json'], { cwd: dir, env: offline(join(dir, 'd4')) });
    expect(ssp.code).toBe(1);
    expect(ssp.err).toContain('$.system-security-plan.control-implementation.implemented-requirements[0]');
    writeFileSync(join(dir, 'trunc.json'), '{"system-security-plan": {');
    const trunc = await runCli(['gap', 'trunc.json'], { cwd: dir, env: offline(join(dir, 'd5')) });
    expect(trunc.code).toBe(1);
    expect(trunc.err).toContain('not valid JSON');
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await runCli(['gap'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['gap', 'x.csv', '--iso-edition', '2005'], { cwd: dir })).code).toBe(2);
  });
});
