import type { Messages } from './en';
import { shell } from './ja/shell';
import { identity } from './ja/identity';
import { audit } from './ja/audit';
import { catalogs } from './ja/catalogs';
import { mappings } from './ja/mappings';
import { errors } from './ja/errors';
import { statementFiles } from './ja/statement-files';
import { services } from './ja/services';
import { statements } from './ja/statements';
import { statementHistory } from './ja/statement-history';
import { mfa } from './ja/mfa';
import { tokens } from './ja/tokens';
import { sso } from './ja/sso';
import { evidence } from './ja/evidence';
import { gap } from './ja/gap';
import { remediation } from './ja/remediation';
import { passkeySignIn } from './ja/passkey-sign-in';
import { statementSsp } from './ja/statement-ssp';

/** 日本語の UI 文言。機能ごとのファイル（ja/）を一つにまとめる。 */
export const ja: Messages = {
  ...shell,
  ...identity,
  ...audit,
  ...catalogs,
  ...mappings,
  ...errors,
  ...statementFiles,
  ...services,
  ...statements,
  ...statementHistory,
  ...mfa,
  ...tokens,
  ...sso,
  ...evidence,
  ...gap,
  ...remediation,
  ...passkeySignIn,
  ...statementSsp,
};
