import { writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { parse, writeJson } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type Command } from '../command';
import { issueLine } from '../error-line';
import { isDomainError } from '../../core/errors';
import { resolveProfileFile } from '../../formats/oscal';
import type { Control, Group, ResolutionWarning } from '../../formats/oscal/types';

function count(groups: Group[] | undefined, controls: Control[] | undefined): number {
  const inControls = (cs: Control[] | undefined): number =>
    (cs ?? []).reduce((n, c) => n + 1 + inControls(c.controls), 0);
  return inControls(controls) + (groups ?? []).reduce((n, g) => n + count(g.groups, g.controls), 0);
}

/** How many warnings the default output lists: a profile written for a later catalog revision can give hundreds. */
const WARNINGS_SHOWN = 5;

function writeWarnings(out: NodeJS.WritableStream, warnings: ResolutionWarning[], verbose: boolean) {
  if (warnings.length === 0) return;
  const shown = verbose ? warnings : warnings.slice(0, WARNINGS_SHOWN);
  const which = shown.length < warnings.length ? `, the first ${shown.length}` : '';
  out.write(`${warnings.length} warning(s)${which}:\n`);
  for (const w of shown) out.write(`warning: ${w.path}: ${w.message}\n`);
  const rest = warnings.length - shown.length;
  if (rest > 0) out.write(`… and ${rest} more (--verbose lists them all, --json gives them all)\n`);
}

export const command: Command = {
  name: 'oscal resolve',
  summary: 'Resolve an OSCAL profile into a catalog (no database needed)',
  help: `Usage: ismap oscal resolve <profile.json> --out <resolved.json> [--catalog <file>]... [--verbose] [--json]

Resolves an OSCAL JSON profile as NIST's profile resolution specification describes: imports (catalogs or
profiles, recursively; a circular import is refused, naming the cycle; each distinct
import is resolved once, and imports nest at most 64 deep), selection, merge (as-is, flat, custom)
and modify (set-parameters, alters). Relative hrefs and back-matter rlinks resolve against the profile's folder.

Options:
  --catalog <file>  A catalog (or profile) to use for an import whose href names the same file (ignoring -min
                    and the extension), contains its uuid, or whose resource title equals its title. Repeatable.
                    Needed when the profile imports by an absolute URL: nothing is fetched from the network.
  --out <file>      Where to write the resolved catalog (JSON)
  --verbose         List every warning (by default: their count and the first ${WARNINGS_SHOWN})
  --json            Machine-readable summary on stdout, with every warning
  -h, --help        Show this help

Example:
  ismap oscal resolve content/fedramp-rev5/profiles/FedRAMP_rev5_LOW-baseline_profile-min.json \\
    --catalog content/nist-sp800-53-rev5/catalog/NIST_SP-800-53_rev5_catalog-min.json --out low.json`,
  async run(ctx) {
    try {
      const { values, positionals } = parse(
        ctx.argv,
        { catalog: { type: 'string', multiple: true }, out: { type: 'string' }, verbose: { type: 'boolean' } },
        true,
      );
      if (positionals.length !== 1) throw new UsageError('expected exactly one profile file');
      if (!values.out) throw new UsageError('--out <file> is required');
      const { catalog, warnings } = await resolveProfileFile(positionals[0]!, {
        catalogs: values.catalog ?? [],
        cwd: ctx.cwd,
      });
      const out = resolvePath(ctx.cwd, values.out);
      await writeFile(out, JSON.stringify(catalog, null, 2) + '\n');
      const c = catalog.catalog;
      const summary = { out, groups: c.groups?.length ?? 0, controls: count(c.groups, c.controls), warnings };
      if (values.json) writeJson(ctx.stdout, summary);
      else {
        ctx.stdout.write(
          `Resolved ${positionals[0]} → ${out}: ${summary.controls} control(s) in ${summary.groups} group(s)\n`,
        );
        writeWarnings(ctx.stderr, warnings, values.verbose === true);
      }
      return EXIT_OK;
    } catch (e) {
      if (e instanceof UsageError) {
        ctx.stderr.write(`ismap oscal resolve: ${e.message}\n\n${command.help}\n`);
        return EXIT_USAGE;
      }
      if (!isDomainError(e)) throw e;
      ctx.stderr.write(`ismap oscal resolve: ${e.message}\n`);
      for (const i of e.issues ?? []) ctx.stderr.write(`  - ${issueLine(i)}\n`);
      return EXIT_FAILURE;
    }
  },
};
