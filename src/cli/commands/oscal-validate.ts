import { resolve as resolvePath } from 'node:path';
import { parse, writeJson } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type Command } from '../command';
import { validateOscalDocument } from '../../formats/oscal';
import { readJsonFile } from '../../formats/json-file';

export const command: Command = {
  name: 'oscal validate',
  summary: 'Validate an OSCAL JSON document against NIST’s JSON schema',
  help: `Usage: ismap oscal validate <file.json> [--version <x.y.z>] [--json]

Validates against NIST's OSCAL JSON schema for the document's model (its root key: catalog, profile,
system-security-plan, assessment-plan, assessment-results, plan-of-action-and-milestones,
component-definition, mapping-collection) and version (metadata.oscal-version: 1.0.x and 1.1.x use the
1.1.3 schemas, 1.2.x the 1.2.1 schemas). Prints every error with its JSON path.
Exit 0 when valid, 1 when invalid or unreadable, 2 on a usage error.

Options:
  --version <v>  Validate as this OSCAL version instead of the declared one
  --json         Machine-readable result
  -h, --help     Show this help`,
  async run(ctx) {
    let file: string;
    let values: { json?: boolean; version?: string };
    try {
      const parsed = parse(ctx.argv, { version: { type: 'string' } }, true);
      if (parsed.positionals.length !== 1) throw new UsageError('expected exactly one file');
      file = parsed.positionals[0]!;
      values = parsed.values;
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      ctx.stderr.write(`ismap oscal validate: ${e.message}\n\n${command.help}\n`);
      return EXIT_USAGE;
    }
    let doc: unknown;
    try {
      doc = await readJsonFile(resolvePath(ctx.cwd, file), file);
    } catch (e) {
      const message = (e as Error).message;
      if (values.json)
        writeJson(ctx.stdout, { valid: false, version: '', model: '', errors: [{ path: '$', message }] });
      else ctx.stderr.write(`ismap oscal validate: ${message}\n`);
      return EXIT_FAILURE;
    }
    const result = validateOscalDocument(doc, values.version ? { version: values.version } : {});
    if (values.json) writeJson(ctx.stdout, { file, ...result });
    else if (result.valid) ctx.stdout.write(`${file}: valid OSCAL ${result.model} (schema ${result.version})\n`);
    else {
      const what = result.model ? `OSCAL ${result.model} (schema ${result.version})` : 'OSCAL document';
      ctx.stdout.write(`${file}: invalid ${what}, ${result.errors.length} error(s)\n`);
      for (const e of result.errors) ctx.stdout.write(`  ${e.path}: ${e.message}\n`);
    }
    return result.valid ? EXIT_OK : EXIT_FAILURE;
  },
};
