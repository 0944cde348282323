import { afterEach, describe, expect, inject, it } from 'vitest';
import { appendFileSync, readFileSync } from 'node:fs';
import { openTestEngine, type EngineName } from '../support/engines';
import { testDeps } from '../support/fixtures';
import { testCheckpoints } from '../support/audit-checkpoints';
import type { Engine } from '../../src/db/engine';
import { createOrganization } from '../../src/app/use-cases/organizations/create-organization';
import { createAuditCheckpoint } from '../../src/app/use-cases/audit/create-audit-checkpoint';
import { verifyAuditChain } from '../../src/app/use-cases/audit/verify-audit-chain';
import { GENESIS_HASH, hashEvent, sha256, type AuditEvent } from '../../src/core/audit-chain';
import { canonicalJson } from '../../src/core/canonical-json';
import { systemActor } from '../../src/core/identity';

/**
 * Someone who can write the database attacks the audit log, each attack as it would be done to get past
 * `audit verify`: rows deleted together with the chain head, the log emptied, rows edited, inserted or reordered
 * with every hash recomputed. Once a signed checkpoint exists, each is caught and named.
 */
const sys = { actor: systemActor, requestId: 'test' };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(name: EngineName) {
  const engine: Engine = await openTestEngine(name);
  cleanups.push(() => engine.close());
  const cps = testCheckpoints();
  cleanups.push(cps.cleanup);
  const deps = { ...testDeps(engine), auditCheckpoints: cps };
  for (let i = 1; i <= 5; i++)
    await createOrganization(deps, sys, { kind: 'agency', slug: `m-${i}`, nameJa: `省${i}`, nameEn: `Ministry ${i}` });
  const first = await createAuditCheckpoint(deps, sys);
  expect(first.written).toMatchObject({ seq: 5 });
  const intact = await verifyAuditChain(deps);
  expect(intact).toMatchObject({ ok: true, checked: 5, checkpoints: [{ seq: 5, result: 'ok' }] });
  const all = () => deps.uow.read.audit.query({ afterSeq: 0, order: 'asc', limit: 1000 });
  /** Replaces the whole log with `events`, re-linked and re-hashed, and moves the head: a careful forger. */
  const rewrite = async (events: AuditEvent[]) => {
    await engine.exec(`DELETE FROM audit_events; UPDATE audit_chain_head SET seq = 0, hash = '${GENESIS_HASH}'`);
    const sealed: AuditEvent[] = [];
    for (const [i, e] of events.entries()) {
      const body: AuditEvent = { ...e, seq: i + 1, prevHash: sealed.at(-1)?.hash ?? GENESIS_HASH };
      sealed.push({ ...body, hash: hashEvent(body) });
    }
    await deps.uow.transaction(async (r) => {
      for (const e of sealed) await r.audit.append(e);
    });
  };
  return { engine, deps, cps, all, rewrite };
}

for (const name of ['pglite', 'postgres'] as const) {
  const d = name === 'postgres' && !inject('pgUrl') ? describe.skip : describe;
  d(`audit checkpoints against a forger [${name}]`, () => {
    it('names a truncation: the newest events deleted and the chain head moved back', async () => {
      const { engine, deps } = await setup(name);
      await engine.exec(
        `DELETE FROM audit_events WHERE seq > 3; UPDATE audit_chain_head SET seq = 3, hash = (SELECT hash FROM audit_events WHERE seq = 3)`,
      );
      const r = await verifyAuditChain(deps);
      expect(r.broken).toBeNull(); // the chain by itself looks fine
      expect(r).toMatchObject({ ok: false, checkpoints: [{ seq: 5, result: 'truncated' }] });
    });

    it('names a reset: the log emptied, and emptied then written again from the start', async () => {
      const { engine, deps } = await setup(name);
      await engine.exec(`DELETE FROM audit_events; UPDATE audit_chain_head SET seq = 0, hash = '${GENESIS_HASH}'`);
      expect(await verifyAuditChain(deps)).toMatchObject({
        ok: false,
        broken: null,
        checked: 0,
        checkpoints: [{ result: 'reset' }],
      });
      for (let i = 1; i <= 7; i++)
        await createOrganization(deps, sys, { kind: 'agency', slug: `again-${i}`, nameJa: `省${i}`, nameEn: `M ${i}` });
      expect(await verifyAuditChain(deps)).toMatchObject({
        ok: false,
        broken: null,
        checked: 7,
        checkpoints: [{ result: 'reset' }],
      });
    });

    it.each([
      [
        'an edited event',
        (es: AuditEvent[]) => es.map((e) => (e.seq === 3 ? { ...e, details: { ...e.details, slug: 'forged' } } : e)),
      ],
      [
        'an inserted event',
        (es: AuditEvent[]) => [
          ...es.slice(0, 2),
          { ...es[2]!, id: '00000000-0000-4000-8000-00000000beef', targetId: 'ghost' },
          ...es.slice(2, 4),
        ],
      ],
      ['two events swapped', (es: AuditEvent[]) => [es[0]!, es[2]!, es[1]!, ...es.slice(3)]],
    ])('names a rewrite: %s with every hash recomputed', async (_what, forge) => {
      const { deps, all, rewrite } = await setup(name);
      await rewrite(forge(await all()));
      const r = await verifyAuditChain(deps);
      expect(r.broken).toBeNull();
      expect(r).toMatchObject({ ok: false, checkpoints: [{ seq: 5, result: 'rewritten' }] });
    });

    it('sees a change of `at` under a millisecond (hashed at the stored precision)', async () => {
      const { engine, deps } = await setup(name);
      await engine.exec(`UPDATE audit_events SET at = at + interval '1 microsecond' WHERE seq = 2`);
      expect(await verifyAuditChain(deps)).toMatchObject({ ok: false, broken: { seq: 2, reason: 'hash_mismatch' } });
    });

    it('reports a deleted chain-head row instead of throwing, and refuses to checkpoint it', async () => {
      const { engine, deps } = await setup(name);
      await engine.exec(`DELETE FROM audit_chain_head`);
      expect(await verifyAuditChain(deps)).toMatchObject({
        ok: false,
        recordedHead: 'missing',
        broken: { reason: 'head_missing' },
      });
      await expect(createAuditCheckpoint(deps, sys)).rejects.toMatchObject({ code: 'conflict' });
    });

    it('refuses to sign a chain that no longer verifies, and fails on a forged checkpoint line', async () => {
      const { engine, deps, cps } = await setup(name);
      const line = JSON.parse(readFileSync(cps.file, 'utf8').trim()) as Record<string, unknown>;
      appendFileSync(cps.file, JSON.stringify({ ...line, seq: 4 }) + '\nnot json\n');
      expect(await verifyAuditChain(deps)).toMatchObject({
        ok: false,
        checkpoints: [{ result: 'ok' }, { result: 'bad_signature' }],
        unreadableCheckpoints: [3],
      });
      await engine.exec(`UPDATE audit_events SET action = 'organization.delete' WHERE seq = 5`);
      await expect(createAuditCheckpoint(deps, sys)).rejects.toMatchObject({ code: 'conflict' });
    });

    it('keeps verifying events written before the chain format changed (format 1), then new ones', async () => {
      const { engine, deps } = await setup(name);
      // Event 6 as the old code wrote it: hashed without a format field, `at` in milliseconds.
      const [head] = await deps.uow.read.audit.query({ order: 'desc', limit: 1 });
      const old = {
        seq: 6,
        id: '00000000-0000-4000-8000-000000000006',
        at: '2026-01-02T03:04:05.678Z',
        actorUserId: null,
        actorOrgId: null,
        action: 'organization.create',
        targetType: 'organization',
        targetId: 'legacy',
        beforeDigest: null,
        afterDigest: null,
        requestId: null,
        details: { n: 1 },
        prevHash: head!.hash,
      };
      const oldHash = sha256(canonicalJson(old));
      await engine.exec(
        `INSERT INTO audit_events (seq, id, at, action, target_type, target_id, details, prev_hash, hash, format) VALUES (6, '${old.id}', '${old.at}', '${old.action}', 'organization', 'legacy', '{"n":1}', '${old.prevHash}', '${oldHash}', 1);` +
          `UPDATE audit_chain_head SET seq = 6, hash = '${oldHash}'`,
      );
      // Old events only follow old ones in a real log; the verifier does not care where format 1 stops.
      await engine.exec(`UPDATE audit_events SET format = 1 WHERE seq < 6`);
      const all = () => deps.uow.read.audit.query({ afterSeq: 0, order: 'asc', limit: 100 });
      // Re-hash events 1–5 as format 1 too (they were written as format 2), keeping event 6 exactly as the old code made it.
      const events = await all();
      let prev = GENESIS_HASH;
      for (const e of events.slice(0, 5)) {
        const h = hashEvent({ ...e, format: 1, prevHash: prev });
        await engine.exec(`UPDATE audit_events SET prev_hash = '${prev}', hash = '${h}' WHERE seq = ${e.seq}`);
        prev = h;
      }
      await engine.exec(`UPDATE audit_events SET prev_hash = '${prev}' WHERE seq = 6`);
      const sixth = hashEvent({ ...old, format: 1, prevHash: prev, at: '2026-01-02T03:04:05.678000Z' });
      expect(sixth).toBe(sha256(canonicalJson({ ...old, prevHash: prev })));
      await engine.exec(
        `UPDATE audit_events SET hash = '${sixth}' WHERE seq = 6; UPDATE audit_chain_head SET seq = 6, hash = '${sixth}'`,
      );
      const withCheckpointsOff = { ...deps, auditCheckpoints: undefined };
      expect(await verifyAuditChain(withCheckpointsOff)).toMatchObject({ ok: true, checked: 6 });
      await createOrganization(deps, sys, { kind: 'agency', slug: 'after', nameJa: '後', nameEn: 'After' });
      expect(await verifyAuditChain(withCheckpointsOff)).toMatchObject({ ok: true, checked: 7 });
      expect((await all()).map((e) => e.format)).toEqual([1, 1, 1, 1, 1, 1, 2]);
      // Format 1 hashed milliseconds, but its writer never stored anything finer: a microsecond change still shows.
      await engine.exec(`UPDATE audit_events SET at = at + interval '1 microsecond' WHERE seq = 6`);
      expect((await verifyAuditChain(withCheckpointsOff)).broken).toMatchObject({ seq: 6, reason: 'hash_mismatch' });
    });

    it('names a format 2 event passed off as format 1 (re-hashed the old way to hide a sub-millisecond change)', async () => {
      const { engine, deps, all } = await setup(name);
      const last = (await all())[4]!;
      const h = hashEvent({ ...last, format: 1 });
      await engine.exec(
        `UPDATE audit_events SET format = 1, hash = '${h}' WHERE seq = 5; UPDATE audit_chain_head SET hash = '${h}'`,
      );
      const r = await verifyAuditChain(deps);
      expect(r).toMatchObject({
        ok: false,
        broken: { seq: 5, reason: 'format_downgrade' },
        checkpoints: [{ result: 'rewritten' }],
      });
    });
  });
}
