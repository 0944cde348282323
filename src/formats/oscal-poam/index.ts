export { remediationPlanToOscal, riskStatusOf, linkValue, type PoamExportInput } from './export';
export { oscalToRemediationPlan, type PoamItemDraft } from './import';
