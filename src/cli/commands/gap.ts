import { writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { parse, writeJson } from '../args';
import { EXIT_FAILURE, EXIT_OK, UsageError, type Command } from '../command';
import { errorLine, issueLine } from '../error-line';
import { isDomainError } from '../../core/errors';
import { groupByRelationship } from '../../core/gap/proposals';
import type { GapIssue } from '../../core/gap/issues';
import { analyzeGapFile, gapReportCsv, gapReportXlsx, loadGapContext, pathText } from '../../formats/gap';

const SHOWN = 10;

const where = (i: Pick<GapIssue, 'row' | 'column' | 'path' | 'file' | 'message'>) =>
  i.row !== undefined
    ? `${i.file ?? ''}: row ${i.row}${i.column ? `, column ${i.column}` : ''}: ${i.message}`
    : issueLine(i);

export const command: Command = {
  name: 'gap',
  summary: 'Gap analysis from an ISO/IEC 27001 SoA or an OSCAL SSP against ISMAP (no server, no database)',
  help: `Usage: ismap gap <soa.xlsx|soa.csv|ssp.json> [--edition <ismap edition>] [--json] [--xlsx <out>] [--csv <out>]
                 [--iso-edition 2013|2022] [--columns <json>] [--sheet <name>] [--lang ja|en]

Reads a Statement of Applicability (適用宣言書; ISO/IEC 27001:2013 or :2022, CSV in UTF-8 with or without BOM or
CP932, TSV or XLSX) or an OSCAL system security plan (JSON), proposes selections, statuses and drafts for ISMAP
items through the bundled mappings — each proposal with its source row or SSP requirement, the mapping path with
each link's relationship and provenance, and the composed relationship — and prints the gap report: what ISMAP
asks beyond the imported posture. Nothing is written anywhere but the files you name; no database is opened.

Proposals through equal or superset-of may be accepted in bulk; subset-of and intersects-with need a decision per
item (in the web app's gap-analysis wizard). A 2022 SoA reaches ISMAP through the ISO/IEC 27001:2013 ↔ 2022
correspondence set (identifiers only, method community, after ISO/IEC 27002:2022 Annex B).

Options:
  --edition <e>       ISMAP criteria edition (default: the bundled one)
  --iso-edition <e>   The SoA's ISO/IEC 27001 edition when detection from the ids should be overridden
  --columns <json>    Which columns hold what, e.g. {"id":"A","implemented":"実施状況"}; roles: id, title,
                      applicable, implemented, justification, implementation, owner; optional headerRow
  --sheet <name>      The XLSX sheet to read
  --xlsx <file>       Write the gap report workbook (summary, gaps, proposals with paths, unmapped controls)
  --csv <file>        Write the gap list as CSV (UTF-8 with BOM, formula-neutralized)
  --lang ja|en        Language of the written headers (default ja)
  --json              Everything as JSON on stdout
  -h, --help          Show this help

Exit codes: 0 the analysis ran; 1 the input could not be read (each problem with its row or JSON path); 2 usage.

Example:
  ismap gap soa.xlsx --xlsx gap-report.xlsx`,
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.argv,
      {
        edition: { type: 'string' },
        'iso-edition': { type: 'string' },
        columns: { type: 'string' },
        sheet: { type: 'string' },
        xlsx: { type: 'string' },
        csv: { type: 'string' },
        lang: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('expected exactly one input file');
    const iso = values['iso-edition'];
    if (iso !== undefined && iso !== '2013' && iso !== '2022')
      throw new UsageError('--iso-edition must be 2013 or 2022');
    const lang = values.lang ?? 'ja';
    if (lang !== 'ja' && lang !== 'en') throw new UsageError('--lang must be ja or en');
    const input = resolvePath(ctx.cwd, positionals[0]!);
    try {
      const gctx = await loadGapContext();
      const a = await analyzeGapFile(gctx, input, {
        ...(values.columns ? { columns: values.columns } : {}),
        ...(iso ? { isoEdition: iso } : {}),
        ...(values.sheet ? { sheet: values.sheet } : {}),
        ...(values.edition ? { ismapEdition: values.edition } : {}),
      });
      if (!a.report || !a.proposals) {
        if (values.json)
          writeJson(ctx.stdout, { ok: false, issues: a.issues, input: a.input, isoEdition: a.isoEdition });
        const errors = a.issues.filter((i) => i.severity === 'error');
        ctx.stderr.write(`ismap gap: ${positionals[0]} could not be read (${errors.length} error(s)):\n`);
        for (const i of errors) ctx.stderr.write(`  ${where(i)}\n`);
        return EXIT_FAILURE;
      }
      if (values.xlsx)
        await writeFile(resolvePath(ctx.cwd, values.xlsx), await gapReportXlsx(a.report, a.proposals.proposals, lang));
      if (values.csv) await writeFile(resolvePath(ctx.cwd, values.csv), gapReportCsv(a.report, lang));
      if (values.json) {
        writeJson(ctx.stdout, { ok: true, ...a });
        return EXIT_OK;
      }
      const out = (s = '') => ctx.stdout.write(s + '\n');
      const r = a.report;
      out(
        `Source: ${positionals[0]} (${a.input.kind === 'soa' ? 'Statement of Applicability' : 'OSCAL SSP'}), ${r.source.controls} control(s), ${r.source.catalog}`,
      );
      if (a.isoEdition)
        out(
          `ISO/IEC 27001 edition: ${a.isoEdition.edition} (${a.isoEdition.confidence}; ${a.isoEdition.count2013} ids look like 2013, ${a.isoEdition.count2022} like 2022) — override with --iso-edition`,
        );
      if (a.input.kind === 'soa')
        out(
          `Columns: ${Object.entries(a.input.soa.detection.columns)
            .map(([role, c]) => `${role} ${c.letter}${c.header ? ` "${c.header}"` : ''}`)
            .join(', ')}`,
        );
      if (a.input.kind === 'ssp') {
        const p = a.input.ssp.profile;
        out(
          `Profile: ${p.href || '(none)'} — ${p.resolved ? `resolved, ${p.controls} control(s) (${p.title})` : 'not resolved'}; SP 800-53 ${a.input.ssp.revision}`,
        );
      }
      for (const i of a.issues) ctx.stderr.write(`warning: ${where(i)}\n`);
      out();
      out(
        `Proposals for ${r.ismap}: ${a.proposals.proposals.length}${a.proposals.via.length ? ` (via ${a.proposals.via.join(' → ')})` : ''}`,
      );
      for (const g of groupByRelationship(a.proposals.proposals)) {
        const bulk = g.proposals.filter((p) => p.bulkAcceptable).length;
        out(
          `  ${g.relationship}: ${g.proposals.length} (${bulk} may be accepted in bulk, ${g.proposals.length - bulk} need a decision each)`,
        );
        for (const p of g.proposals.slice(0, SHOWN)) out(`    ${p.itemId} ← ${p.sourceId}: ${pathText(p)}`);
        if (g.proposals.length > SHOWN) out(`    … and ${g.proposals.length - SHOWN} more (--json or --xlsx for all)`);
      }
      out();
      out(
        `Gap report: ${r.totals.gaps} of ${r.totals.items} items need work beyond the imported posture (${r.totals.covered} covered)`,
      );
      for (const t of r.byTier) out(`  ${t.tier}: ${t.gaps} / ${t.items}`);
      out(
        '  by reason: ' +
          Object.entries(r.byReason)
            .filter(([, n]) => n > 0)
            .map(([k, n]) => `${k} ${n}`)
            .join(', '),
      );
      out(
        `  imported controls that map to nothing in ISMAP: ${r.unmapped.length}${
          r.unmapped.length
            ? ` (${r.unmapped
                .slice(0, SHOWN)
                .map((u) => u.id)
                .join(', ')}${r.unmapped.length > SHOWN ? ', …' : ''})`
            : ''
        }`,
      );
      if (values.xlsx) out(`Wrote ${values.xlsx}`);
      if (values.csv) out(`Wrote ${values.csv}`);
      return EXIT_OK;
    } catch (e) {
      if (!isDomainError(e)) {
        if (e instanceof UsageError) throw e;
        ctx.stderr.write(`ismap gap: ${errorLine(e)}\n`);
        return EXIT_FAILURE;
      }
      if (values.json)
        writeJson(ctx.stdout, { ok: false, error: { code: e.code, message: e.message, issues: e.issues } });
      ctx.stderr.write(`ismap gap: ${e.message}\n`);
      for (const i of e.issues ?? []) if (i.message !== e.message) ctx.stderr.write(`  ${where(i as GapIssue)}\n`);
      return EXIT_FAILURE;
    }
  },
};
