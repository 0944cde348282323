/**
 * The subset of the OSCAL 1.x JSON models (catalog, profile) that profile resolution reads and writes.
 * Fields the resolver never interprets are still carried through untouched, so every object stays open
 * (`[key: string]: unknown`) rather than being trimmed to what is typed here.
 */
export interface Prop {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  uuid?: string;
  group?: string;
  remarks?: string;
}

export interface Link {
  href: string;
  rel?: string;
  'media-type'?: string;
  text?: string;
  [key: string]: unknown;
}

export interface Part {
  id?: string;
  name: string;
  ns?: string;
  class?: string;
  title?: string;
  props?: Prop[];
  prose?: string;
  parts?: Part[];
  links?: Link[];
  [key: string]: unknown;
}

export interface ParamSelect {
  'how-many'?: string;
  choice?: string[];
}

/** What a parameter and a profile's set-parameters have in common. */
interface ParamFields {
  class?: string;
  props?: Prop[];
  links?: Link[];
  label?: string;
  usage?: string;
  constraints?: unknown[];
  guidelines?: { prose: string }[];
  values?: string[];
  select?: ParamSelect;
}

export interface Param extends ParamFields {
  id: string;
  [key: string]: unknown;
}

export interface Control {
  id: string;
  class?: string;
  title: string;
  params?: Param[];
  props?: Prop[];
  links?: Link[];
  parts?: Part[];
  controls?: Control[];
  [key: string]: unknown;
}

export interface Group {
  id?: string;
  class?: string;
  title: string;
  params?: Param[];
  props?: Prop[];
  links?: Link[];
  parts?: Part[];
  groups?: Group[];
  controls?: Control[];
  [key: string]: unknown;
}

export interface Metadata {
  title: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  props?: Prop[];
  links?: Link[];
  [key: string]: unknown;
}

export interface Resource {
  uuid: string;
  title?: string;
  description?: string;
  props?: Prop[];
  rlinks?: { href: string; 'media-type'?: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

export interface BackMatter {
  resources?: Resource[];
}

export interface Catalog {
  uuid: string;
  metadata: Metadata;
  params?: Param[];
  controls?: Control[];
  groups?: Group[];
  'back-matter'?: BackMatter;
}

export interface SelectControlById {
  'with-child-controls'?: 'yes' | 'no';
  'with-ids'?: string[];
  matching?: { pattern?: string }[];
}

export interface Selection {
  'include-all'?: Record<string, never>;
  'include-controls'?: SelectControlById[];
  'exclude-controls'?: SelectControlById[];
}

export interface Import extends Selection {
  href: string;
}

export interface InsertControls extends Selection {
  order?: 'keep' | 'ascending' | 'descending';
}

export interface CustomGroup {
  id?: string;
  class?: string;
  title: string;
  params?: Param[];
  props?: Prop[];
  links?: Link[];
  parts?: Part[];
  groups?: CustomGroup[];
  'insert-controls'?: InsertControls[];
}

export interface Merge {
  combine?: { method?: 'use-first' | 'merge' | 'keep' };
  flat?: Record<string, never>;
  'as-is'?: boolean;
  custom?: { groups?: CustomGroup[]; 'insert-controls'?: InsertControls[] };
}

export interface SetParameter extends ParamFields {
  'param-id': string;
  'depends-on'?: string;
}

export interface Removal {
  'by-name'?: string;
  'by-class'?: string;
  'by-id'?: string;
  'by-item-name'?: 'param' | 'prop' | 'link' | 'part' | 'mapping' | 'map';
  'by-ns'?: string;
}

export interface Addition {
  position?: 'before' | 'after' | 'starting' | 'ending';
  'by-id'?: string;
  title?: string;
  params?: Param[];
  props?: Prop[];
  links?: Link[];
  parts?: Part[];
}

export interface Alter {
  'control-id': string;
  removes?: Removal[];
  adds?: Addition[];
}

export interface Modify {
  'set-parameters'?: SetParameter[];
  alters?: Alter[];
}

export interface Profile {
  uuid: string;
  metadata: Metadata;
  imports: Import[];
  merge?: Merge;
  modify?: Modify;
  'back-matter'?: BackMatter;
}

export type OscalDocument = { catalog: Catalog } | { profile: Profile };

/** Something worth telling the user that did not stop resolution (an inoperative directive, a guessed import). */
export interface ResolutionWarning {
  path: string;
  message: string;
}
