import { shell } from './en/shell';
import { identity } from './en/identity';
import { audit } from './en/audit';
import { catalogs } from './en/catalogs';
import { mappings } from './en/mappings';
import { errors } from './en/errors';
import { statementFiles } from './en/statement-files';
import { services } from './en/services';
import { statements } from './en/statements';
import { statementHistory } from './en/statement-history';
import { mfa } from './en/mfa';
import { tokens } from './en/tokens';
import { sso } from './en/sso';
import { evidence } from './en/evidence';
import { gap } from './en/gap';
import { remediation } from './en/remediation';
import { passkeySignIn } from './en/passkey-sign-in';
import { statementSsp } from './en/statement-ssp';

/**
 * English UI strings, one file per feature under en/. Every key must exist in ja too (locales.test.ts). Each
 * top-level key is an i18next namespace (`t('audit.title')` reads namespace `audit`), official terms: shared glossary.
 */
export const en = {
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

/**
 * The shape every language fills in. English plural pairs (`total_one`, `total_other`) are one key (`total`) for a
 * language without plural forms such as Japanese; i18next falls back from `total_other` to `total`.
 */
type PluralFree<T> = T extends string
  ? string
  : { [K in keyof T as K extends `${infer B}_one` ? B : K extends `${string}_other` ? never : K]: PluralFree<T[K]> };
export type Messages = PluralFree<typeof en>;
