import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { parseConfig } from '../../server/config';
import { openRuntime } from '../runtime';
import { resetUserMfa } from '../../app/use-cases/mfa/reset-user-mfa';
import { systemActor } from '../../core/identity';

export const command: Command = {
  name: 'user mfa-reset',
  summary: "Remove a user's second factors and recovery codes, and sign them out (the operator)",
  help: `Usage: ismap user mfa-reset <email> [--json]

For a user who lost their authenticator app, passkeys and recovery codes (a locked-out platform administrator, say):
removes every second factor and recovery code of the user and ends all their sessions. They sign in with their
password next; one who must use MFA (platform administrators, members of an organization that requires it) sets up
a new second factor right then. Recorded in the audit log (mfa.reset) as done by the system operator. Check who is
asking before you run it: it is the way around the second factor.

Options:
  --json              Machine-readable output
  -h, --help          Show this help

Example:
  ismap user mfa-reset admin@example.go.jp`,
  async run(ctx) {
    const { values, positionals } = parse(ctx.argv, {}, true);
    const email = positionals[0];
    if (!email || positionals.length > 1) throw new UsageError('give exactly one email');
    const config = parseConfig(ctx.env, ctx.cwd);
    const runtime = await openRuntime({ ...config, logLevel: 'silent' });
    try {
      const r = await resetUserMfa(runtime.deps, { actor: systemActor, requestId: 'cli' }, { email });
      if (values.json) writeJson(ctx.stdout, r);
      else
        ctx.stdout.write(
          `${r.email}: removed ${r.totp ? 'the authenticator app, ' : ''}${r.passkeys} passkey(s) and ` +
            `${r.recoveryCodes} recovery code(s); ended ${r.revokedSessions} session(s)\n`,
        );
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
