import type { Command } from './command';

/** A command known by name and summary; its module (and everything it imports) loads only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

// Loading every command eagerly pulled the whole server, OSCAL and spreadsheet stacks into `ismap --help` and into
// every start-up (seconds). Summaries are repeated here; test/cli/cli.test.ts checks they match each command file.
const entry = (name: string, summary: string, load: () => Promise<{ command: Command }>): CommandEntry => ({
  name,
  summary,
  load: async () => (await load()).command,
});

/** Every `ismap` command. One file per command in ./commands. */
export const commands: CommandEntry[] = [
  entry('serve', 'Run the ISMAP Hub server (API and web app)', () => import('./commands/serve')),
  entry('db migrate', 'Apply pending database migrations', () => import('./commands/db-migrate')),
  entry(
    'db init',
    'Prepare a database for its first start: migrations, bundled catalogs, demo data',
    () => import('./commands/db-init'),
  ),
  entry(
    'user create',
    'Create a user (the first platform administrator, or a member of an organization)',
    () => import('./commands/user-create'),
  ),
  entry(
    'user mfa-reset',
    "Remove a user's second factors and recovery codes, and sign them out (the operator)",
    () => import('./commands/user-mfa-reset'),
  ),
  entry(
    'member set',
    'Add an existing user to an organization, or change their role, directly (the operator)',
    () => import('./commands/member-set'),
  ),
  entry(
    'backup',
    'Back up the embedded database (and evidence files) into one file, also while the server runs',
    () => import('./commands/backup'),
  ),
  entry(
    'restore',
    'Restore a backup made by ismap backup into an empty data folder',
    () => import('./commands/restore'),
  ),
  entry(
    'token create',
    'Create an API token for a user (the operator on the host); prints the token once',
    () => import('./commands/token-create'),
  ),
  entry(
    'token list',
    "List a user's API tokens with their scopes, state and last use",
    () => import('./commands/token-list'),
  ),
  entry(
    'token revoke',
    'Revoke an API token by its id: the next request with it is refused',
    () => import('./commands/token-revoke'),
  ),
  entry(
    'sso set',
    "Set an organization's OpenID Connect single sign-on (the operator)",
    () => import('./commands/sso-set'),
  ),
  entry(
    'sso show',
    "Show an organization's single sign-on settings (never the secret)",
    () => import('./commands/sso-show'),
  ),
  entry('audit verify', 'Verify the hash chain of the audit log', () => import('./commands/audit-verify')),
  entry(
    'audit checkpoint',
    'Sign the audit chain head now and append it to the checkpoint log',
    () => import('./commands/audit-checkpoint'),
  ),
  entry(
    'audit keygen',
    'Create an Ed25519 key pair for signing audit checkpoints',
    () => import('./commands/audit-keygen'),
  ),
  entry(
    'catalog sync',
    'Load the bundled catalogs and mapping sets into the database (unchanged ones are skipped)',
    () => import('./commands/catalog-sync'),
  ),
  entry(
    'catalog import-text',
    'Import criteria texts (Japanese or English) from a CSV/TSV/XLSX file into a catalog edition',
    () => import('./commands/catalog-import-text'),
  ),
  entry('catalog diff', 'What changed between two editions of a catalog', () => import('./commands/catalog-diff')),
  entry(
    'catalog export',
    'Export a catalog edition as OSCAL (catalog, or a basic-requirements or LIU profile)',
    () => import('./commands/catalog-export'),
  ),
  entry(
    'mapping-set publish',
    'Publish an organization’s mapping set to every signed-in user, or make it private again',
    () => import('./commands/mapping-set-publish'),
  ),
  entry(
    'map',
    'Show how a control maps to another framework, path by path with provenance',
    () => import('./commands/map'),
  ),
  entry(
    'statement check',
    'Lint a statement workbook (.xlsx) offline: print its registration blockers with sheet and row',
    () => import('./commands/statement-check'),
  ),
  entry(
    'gap',
    'Gap analysis from an ISO/IEC 27001 SoA or an OSCAL SSP against ISMAP (no server, no database)',
    () => import('./commands/gap'),
  ),
  entry(
    'oscal resolve',
    'Resolve an OSCAL profile into a catalog (no database needed)',
    () => import('./commands/oscal-resolve'),
  ),
  entry(
    'oscal validate',
    'Validate an OSCAL JSON document against NIST’s JSON schema',
    () => import('./commands/oscal-validate'),
  ),
  entry(
    'service list',
    'List the cloud service offerings of a CSP organization',
    () => import('./commands/service-list'),
  ),
  entry(
    'service create',
    'Create a cloud service offering of a CSP organization',
    () => import('./commands/service-create'),
  ),
  entry(
    'statement list',
    'List the statements of a CSP organization with their state and readiness',
    () => import('./commands/statement-list'),
  ),
  entry(
    'statement readiness',
    'Show the registration readiness of a statement and every blocker; exit 1 while any blocks',
    () => import('./commands/statement-readiness'),
  ),
  entry(
    'statement export',
    'Export a statement as an xlsx workbook or an OSCAL SSP, its readiness report as PDF, or its blockers as CSV',
    () => import('./commands/statement-export'),
  ),
  entry(
    'statement import',
    'Import an edited statement workbook or an OSCAL SSP: show the diff, and with --apply write it in one transaction',
    () => import('./commands/statement-import'),
  ),
  entry(
    'evidence list',
    'List the evidence library of a CSP organization with each evidence’s freshness',
    () => import('./commands/evidence-list'),
  ),
  entry('evidence add', 'Add a file to a CSP organization’s evidence library', () => import('./commands/evidence-add')),
  entry(
    'evidence verify',
    'Re-hash every evidence file in the blob store; report missing, corrupted and orphaned blobs',
    () => import('./commands/evidence-verify'),
  ),
  entry(
    'remediation list',
    'List the remediation plan (POA&M) of a statement, overdue items flagged',
    () => import('./commands/remediation-list'),
  ),
  entry(
    'remediation create',
    'Add an item to a statement’s remediation plan, or one for a blocker (--rule, --item)',
    () => import('./commands/remediation-create'),
  ),
  entry(
    'remediation move',
    'Move a remediation item to another status (completing needs its linked blockers cleared)',
    () => import('./commands/remediation-move'),
  ),
  entry(
    'remediation export',
    'Write a statement’s remediation plan as an OSCAL 1.1.3 plan-of-action-and-milestones',
    () => import('./commands/remediation-export'),
  ),
  entry(
    'remediation import',
    'Import an OSCAL plan-of-action-and-milestones into a statement’s remediation plan',
    () => import('./commands/remediation-import'),
  ),
];
