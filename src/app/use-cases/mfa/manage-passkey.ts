import { notFound } from '../../../core/errors';
import type { AppDeps } from '../../context';
import { assertRecentAuth, type SessionContext } from '../../recent-auth';
import { recordAudit } from '../../record-audit';
import { afterRemoval } from './remove-factor';

/** One of the caller's own passkeys; anyone else's answers 404 like one that does not exist. */
async function ownPasskey(deps: AppDeps, ctx: SessionContext, id: string) {
  const pk = await deps.uow.read.mfa.getPasskey(id);
  if (!pk || pk.userId !== ctx.actor.userId) throw notFound('passkey');
  return pk;
}

export async function renamePasskey(deps: AppDeps, ctx: SessionContext, input: { id: string; name: string }) {
  const pk = await ownPasskey(deps, ctx, input.id);
  return deps.uow.transaction(async (r) => {
    await r.mfa.renamePasskey(pk.id, input.name);
    await recordAudit(r, deps, ctx, {
      action: 'mfa.passkey_rename',
      targetType: 'passkey',
      targetId: pk.id.slice(0, 32),
      before: { name: pk.name },
      after: { name: input.name },
      details: { name: input.name },
    });
    return { ...pk, name: input.name };
  });
}

export async function removePasskey(deps: AppDeps, ctx: SessionContext, input: { id: string }) {
  const pk = await ownPasskey(deps, ctx, input.id);
  assertRecentAuth(deps, ctx.session);
  await deps.uow.transaction(async (r) => {
    await r.mfa.deletePasskey(pk.id);
    await afterRemoval(deps, r, ctx);
    await recordAudit(r, deps, ctx, {
      action: 'mfa.passkey_remove',
      targetType: 'passkey',
      targetId: pk.id.slice(0, 32),
      details: { name: pk.name },
    });
  });
}
