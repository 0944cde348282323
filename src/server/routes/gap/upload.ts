import { extname } from 'node:path';
import type { CatalogEdition } from '../../../core/catalog/model';
import type { IsoEdition } from '../../../core/gap/iso-ids';
import type { GapFileParse } from '../../../app/use-cases/gap/create-gap-import';
import { contentDir } from '../../../formats/bundled/content-dir';
import { isoKnownIds, loadSoa, loadSsp } from '../../../formats/gap';

/** Reads an uploaded SoA (csv/tsv/xlsx) or OSCAL SSP (.json) with the formats layer's readers. */
export function gapFileParser(
  path: string,
  fileName: string,
  opts: { columns?: string | undefined; isoEdition?: IsoEdition | undefined; sheet?: string | undefined },
) {
  return async (edition: (catalog: string) => CatalogEdition): Promise<GapFileParse> => {
    if (extname(fileName).toLowerCase() === '.json') {
      const { posture, issues, file, revision, profile } = await loadSsp(path, {
        contentDir,
        r4: edition('nist-800-53r4'),
        r5: edition('nist-800-53r5'),
        displayName: fileName,
      });
      const { ids: _ids, ...shown } = profile;
      return { kind: 'ssp', file, issues, posture, isoEdition: null, detection: { revision, profile: shown } };
    }
    const soa = await loadSoa(path, {
      known: isoKnownIds(edition('iso27001-2013'), edition('iso27001-2022')),
      displayName: fileName,
      ...(opts.columns ? { columns: opts.columns } : {}),
      ...(opts.isoEdition ? { edition: opts.isoEdition } : {}),
      ...(opts.sheet ? { sheet: opts.sheet } : {}),
    });
    return {
      kind: 'soa',
      file: soa.file,
      issues: soa.result.issues,
      posture: soa.result.posture,
      isoEdition: { ...soa.result.detection, edition: soa.result.edition },
      detection: { sheet: soa.sheet, sheetNames: soa.sheetNames, encoding: soa.encoding, ...soa.detection },
    };
  };
}
