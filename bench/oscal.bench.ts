import { readFileSync } from 'node:fs';
import { resolveProfile } from '../src/formats/oscal/resolve';
import { memoryLoader } from '../src/formats/oscal/load';
import type { OscalDocument, Profile } from '../src/formats/oscal/types';
import type { BenchResult } from './types';

const CONTENT = new URL('../content/', import.meta.url).pathname;
const read = (p: string) => readFileSync(p, 'utf8');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Median wall time in ms of `runs` calls after `warmup` calls. */
async function time(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return Math.round(median(samples) * 10) / 10;
}

/**
 * Profile resolution in process with the catalogs already parsed (what a server or a batch does after loading
 * content once), plus parse+serialize of the rev4 catalog alone to show how that compares.
 */
export async function bench(): Promise<BenchResult[]> {
  const rev5 = `${CONTENT}nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json`;
  const rev4 = `${CONTENT}nist-sp800-53-rev4/catalog/NIST_SP-800-53_rev4_catalog-min.json`;
  const rev4Text = read(rev4);
  const loader = memoryLoader({
    [rev5]: JSON.parse(read(rev5)) as OscalDocument,
    [rev4]: JSON.parse(rev4Text) as OscalDocument,
  });
  const results: BenchResult[] = [];
  const resolveFile = async (name: string, file: string, target?: { ms: number }) => {
    const profile = JSON.parse(read(file)) as { profile: Profile };
    const ms = await time(() => resolveProfile(profile, { loader, uri: file }));
    results.push({
      name,
      value: ms,
      unit: 'ms',
      ...(target ? { target: `≤ ${target.ms} ms`, ok: ms <= target.ms } : {}),
    });
  };
  for (const level of ['LOW', 'MODERATE', 'HIGH', 'LI-SaaS']) {
    await resolveFile(
      `oscal resolve FedRAMP rev5 ${level} (median)`,
      `${CONTENT}fedramp-rev5/profiles/FedRAMP_rev5_${level}-baseline_profile-min.json`,
    );
  }
  await resolveFile(
    'oscal resolve SP 800-53 rev4 HIGH (median)',
    `${CONTENT}nist-sp800-53-rev4/profiles/NIST_SP-800-53_rev4_HIGH-baseline_profile-min.json`,
    { ms: 50 },
  );
  results.push({
    name: 'oscal parse+serialize rev4 catalog, for comparison (median)',
    value: await time(() => JSON.stringify(JSON.parse(rev4Text))),
    unit: 'ms',
  });
  // 30 profiles, each importing the next one twice, over the rev4 catalog: linear once each import resolves once
  // (it used to double per level and never finish).
  const docs: Record<string, OscalDocument> = { [rev4]: JSON.parse(rev4Text) as OscalDocument };
  const meta = { title: 'chain', 'last-modified': '2024-01-01T00:00:00Z', version: '1', 'oscal-version': '1.1.2' };
  for (let i = 0; i < 30; i++) {
    const next = i === 29 ? rev4 : `/chain/p${i + 1}.json`;
    const imports = [
      { href: next, 'include-all': {} },
      { href: next, 'include-all': {} },
    ];
    docs[`/chain/p${i}.json`] = { profile: { uuid: '22222222-2222-4222-8222-222222222222', metadata: meta, imports } };
  }
  const chainMs = await time(
    () =>
      resolveProfile(docs['/chain/p0.json'] as { profile: Profile }, {
        loader: memoryLoader(docs),
        uri: '/chain/p0.json',
      }),
    5,
    1,
  );
  results.push({
    name: 'oscal resolve 30 double-importing profiles over rev4 (median)',
    value: chainMs,
    unit: 'ms',
    target: '≤ 2000 ms',
    ok: chainMs <= 2000,
  });
  return results;
}
