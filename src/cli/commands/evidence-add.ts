import { createReadStream } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../command';
import { parse, writeJson } from '../args';
import { putBlob } from '../../app/blob/blob-io';
import { createEvidence } from '../../app/use-cases/evidence/create-evidence';
import { cleanFileName } from '../../app/use-cases/evidence/inputs';
import { evidenceKinds } from '../../core/evidence/model';
import { withRuntime } from '../with-runtime';
import { operatorFor, organizationBySlug } from '../operator';

// spreadsheet-rule: stored as given — the media type of a file kept and served back byte for byte, never written here.
const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const command: Command = {
  name: 'evidence add',
  summary: 'Add a file to a CSP organization’s evidence library',
  help: `Usage: ismap evidence add --org <slug> --kind <kind> --title-ja <text> [--title-en <text>] <file> [--json]

Streams the file into the evidence store (hashed with SHA-256 as it is written) and records it as a new evidence
with version 1. Kinds: ${evidenceKinds.join(', ')}. The review frequency defaults by kind.

Options:
  --org <slug>        The CSP organization (required)
  --kind <kind>       The kind of evidence (required)
  --title-ja <text>   Japanese title
  --title-en <text>   English title (one of the two is required)
  --owner <text>      Who keeps it
  --reviewed-on <d>   Date of the last review (YYYY-MM-DD; default today)
  --json              Machine-readable output
  -h, --help          Show this help`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      {
        org: { type: 'string' },
        kind: { type: 'string' },
        'title-ja': { type: 'string' },
        'title-en': { type: 'string' },
        owner: { type: 'string' },
        'reviewed-on': { type: 'string' },
      },
      true,
    );
    if (!values.org) throw new UsageError('--org is required');
    if (!values.kind) throw new UsageError('--kind is required');
    if (positionals.length !== 1) throw new UsageError('give exactly one file');
    const path = resolve(ctx.cwd, positionals[0]!);
    const slug = values.org;
    const created = await withRuntime(ctx, async (runtime) => {
      const op = operatorFor(await organizationBySlug(runtime, slug));
      const blob = await putBlob(runtime.deps.blobs, createReadStream(path));
      return createEvidence(runtime.deps, op, {
        metadata: {
          title: { ja: values['title-ja'] ?? '', en: values['title-en'] ?? '' },
          kind: values.kind as (typeof evidenceKinds)[number],
          ...(values.owner ? { owner: values.owner } : {}),
          ...(values['reviewed-on'] ? { reviewedOn: values['reviewed-on'] } : {}),
        },
        file: {
          ...blob,
          fileName: cleanFileName(basename(path)),
          mediaType: TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
        },
      });
    });
    if (values.json) writeJson(ctx.stdout, created);
    else ctx.stdout.write(`added ${created.evidence.id} (${created.version.sha256}, ${created.version.size} bytes)\n`);
    return 0;
  },
};
