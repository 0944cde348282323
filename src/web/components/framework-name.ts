/**
 * The name a person uses for a catalog: `nist-800-53r5` → "NIST SP 800-53 Rev. 5", `ismap` → "ISMAP管理基準".
 * Catalog ids stay for URLs and tooltips; headings use these. Unknown catalogs keep their id.
 */
const baselines: Record<string, { ja: string; en: string }> = {
  high: { ja: 'High ベースライン', en: 'High baseline' },
  moderate: { ja: 'Moderate ベースライン', en: 'Moderate baseline' },
  low: { ja: 'Low ベースライン', en: 'Low baseline' },
  privacy: { ja: 'プライバシーベースライン', en: 'Privacy baseline' },
  'li-saas': { ja: 'LI-SaaS ベースライン', en: 'LI-SaaS baseline' },
};

export function frameworkName(catalog: string, lang: string): string {
  const l = lang === 'ja' ? 'ja' : 'en';
  const baseline = (b: string | undefined) => (b ? ` ${baselines[b]?.[l] ?? b}` : '');
  if (catalog === 'ismap') return l === 'ja' ? 'ISMAP管理基準' : 'ISMAP Control Criteria';
  let m = /^nist-800-53r(\d+)(?:-(.+))?$/.exec(catalog);
  if (m) return `NIST SP 800-53 Rev. ${m[1]}${baseline(m[2])}`;
  m = /^fedramp-rev(\d+)-(.+)$/.exec(catalog);
  if (m) return `FedRAMP Rev. ${m[1]}${baseline(m[2])}`;
  m = /^iso27001-(\d{4})$/.exec(catalog);
  if (m) return `ISO/IEC 27001:${m[1]}`;
  return catalog;
}

/** `nist-800-53r5:5.1.1` (a catalog with its edition, as the mapping API names one) → its name. */
export const frameworkOf = (catalogAndEdition: string, lang: string) =>
  frameworkName(catalogAndEdition.split(':')[0]!, lang);

/** Whether a catalog is a baseline (a selection from another catalog) rather than a framework of its own. */
export const isBaseline = (catalog: string) => /^nist-800-53r\d+-/.test(catalog) || /^fedramp-/.test(catalog);
