import type { LocalizedText } from '../catalog/model';
import type { Criterion } from './criteria';

/**
 * Cloud service offerings and their statements (言明書). Types only; the rules live beside them
 * (selection.ts, readiness.ts, lifecycle.ts, audit-period.ts, migration.ts).
 */

export const serviceModels = ['iaas', 'paas', 'saas'] as const;
export type ServiceModel = (typeof serviceModels)[number];

/** ISMAP or ISMAP-LIU (low-impact SaaS). */
export const tracks = ['ismap', 'ismap_liu'] as const;
export type Track = (typeof tracks)[number];

/** A service the offering runs on or uses but that the statement does not cover (言明の範囲外). */
export interface UnderlyingService {
  /** Stable within the service's scope; statement items that inherit controls point at it. */
  id: string;
  name: string;
  provider: string | null;
  /** ISMAP registration number (`C21-0008-2`); null while unknown or not registered. */
  registrationNumber: string | null;
  /** The date it was registered in ISMAP (ISO date): an OSCAL SSP's leveraged authorization needs it. Absent: unknown. */
  authorizedOn?: string | null;
}

/** 2.2.2 scope of the statement (言明の範囲) and 2.2.3 system overview. */
export interface ServiceScope {
  /** Sub-services the statement covers. */
  subServices: LocalizedText[];
  /** Services used but not covered, each with its ISMAP registration number. */
  underlying: UnderlyingService[];
  /** Regions (data-centre locations) in scope, e.g. 'Tokyo', 'Osaka'. */
  regions: string[];
  systemOverview: LocalizedText;
  logicalStructure: LocalizedText;
  /** 母集団: how the populations the auditor samples from are defined (users, changes, incidents …). */
  populations: LocalizedText;
}

/** A cloud service offering owned by a CSP organization. */
export interface CloudService {
  id: string;
  orgId: string;
  name: LocalizedText;
  model: ServiceModel;
  track: Track;
  scope: ServiceScope;
  /** User ids of the people responsible for the service's statement. */
  owners: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const emptyScope = (): ServiceScope => ({
  subServices: [],
  underlying: [],
  regions: [],
  systemOverview: {},
  logicalStructure: {},
  populations: {},
});

/** The stored choice for one criteria item; `required` is derived, never stored (selection.ts). */
export const storedSelections = ['selected', 'not_selected', 'excluded', 'inherited'] as const;
export type StoredSelection = (typeof storedSelections)[number];

export const implementationStatuses = ['not_started', 'planned', 'in_progress', 'implemented'] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

/** One dated change of an individual control during the audit period (the change history the statement shows). */
export interface ControlRevision {
  effectiveDate: string;
  before: LocalizedText;
  after: LocalizedText;
  note: string | null;
  /** Who recorded the change (display name at that moment); absent in histories written before it was kept. */
  recordedBy?: string | null;
}

/**
 * The answer to one criteria item. Items are referenced by their id inside the statement's edition (the full
 * node key is `<catalog>:<edition>:<itemId>`), and `criteriaDigest` records the criteria text the answer was
 * written against, so a re-sync can never cascade into answers and a changed text is noticed.
 */
export interface ItemAnswer {
  itemId: string;
  /** null: not decided (for a required item: simply required). */
  selection: StoredSelection | null;
  /** Why not selected or excluded (not assessed for not_selected, but it must be given). */
  reason: string | null;
  /** For `inherited`: the underlying service's id in the scope. */
  inheritedFrom: string | null;
  status: ImplementationStatus;
  owner: string | null;
  /** 個別管理策: the CSP's own control text. */
  control: LocalizedText;
  revisions: ControlRevision[];
  criteriaDigest: string | null;
  version: number;
}

export const blankAnswer = (itemId: string): ItemAnswer => ({
  itemId,
  selection: null,
  reason: null,
  inheritedFrom: null,
  status: 'not_started',
  owner: null,
  control: {},
  revisions: [],
  criteriaDigest: null,
  version: 0,
});

/** An audit period (監査対象期間), ISO dates, both ends included. */
export interface AuditPeriod {
  start: string;
  end: string;
}

export const statementStates = ['draft', 'ready_for_audit', 'under_audit', 'audited', 'superseded'] as const;
export type StatementState = (typeof statementStates)[number];

export interface Statement {
  id: string;
  orgId: string;
  serviceId: string;
  catalog: string;
  edition: string;
  period: AuditPeriod | null;
  /** The period of the statement this one follows (the previous audit), for the contiguity rule. */
  previousPeriod: AuditPeriod | null;
  state: StatementState;
  /** 2.2.6 後発事象 */
  subsequentEvents: LocalizedText;
  /** 2.2.7 特記事項 */
  specialNotes: LocalizedText;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * A statement with everything an export, a report or an offline check needs, independent of the database: the
 * header, the service it is for, and every criteria item with its answer (blank when unanswered), in document
 * order. `criterion` carries the criteria text in both languages.
 */
export interface StatementDocument {
  statement: Pick<
    Statement,
    'id' | 'catalog' | 'edition' | 'period' | 'previousPeriod' | 'state' | 'subsequentEvents' | 'specialNotes'
  >;
  service: Pick<CloudService, 'name' | 'model' | 'track' | 'scope'>;
  items: { criterion: Criterion; answer: ItemAnswer }[];
}
