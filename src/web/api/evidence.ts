/** Evidence library (証跡, OpenAPI tag "Evidence"): paths, query keys and hooks in one place, typed from the API. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, client, currentCsrfToken, data, toApiError, type Body, type Json } from './client';

export type EvidenceList = Json<'/evidence', 'get'>;
export type EvidenceEntry = EvidenceList['evidence'][number];
export type EvidenceDetail = Json<'/evidence/{id}', 'get'>;
export type EvidenceVersion = EvidenceDetail['versions'][number];
export type EvidenceLink = EvidenceDetail['links'][number];
export type EvidenceKind = EvidenceEntry['kind'];
type Update = Body<'/evidence/{id}', 'patch'>;
/** The `metadata` part of an upload: the details of a new evidence (title and kind required). */
export type EvidenceMetadata = Omit<Update, 'version' | 'title' | 'kind'> & {
  title: NonNullable<Update['title']>;
  kind: EvidenceKind;
};
export type LinkInput = Body<'/evidence/{id}/links', 'post'>;

export const evidenceKeys = {
  all: ['evidence'] as const,
  list: (retired: boolean) => ['evidence', 'list', retired] as const,
  linked: (statementId: string, itemId: string) => ['evidence', 'linked', statementId, itemId] as const,
  one: (id: string) => ['evidence', 'one', id] as const,
};

export const useEvidenceList = (retired = false) =>
  useQuery({
    queryKey: evidenceKeys.list(retired),
    queryFn: () => data(client.GET('/evidence', { params: { query: { retired: retired ? 'true' : 'false' } } })),
  });

/** The evidence linked to one statement item (retired ones included). */
export const useLinkedEvidence = (statementId: string, itemId: string) =>
  useQuery({
    queryKey: evidenceKeys.linked(statementId, itemId),
    queryFn: () => data(client.GET('/evidence', { params: { query: { retired: 'false', statementId, itemId } } })),
  });

export const useEvidence = (id: string) =>
  useQuery({
    queryKey: evidenceKeys.one(id),
    queryFn: () => data(client.GET('/evidence/{id}', { params: { path: { id } } })),
  });

export function useRetireEvidence(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/evidence/{id}/retire', 'post'>) =>
      data(client.POST('/evidence/{id}/retire', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: evidenceKeys.all }),
  });
}

/** Links or unlinks an evidence and a statement item; the library, the item's list and "where used" follow. */
export function useLinkEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ evidenceId, link, mode }: { evidenceId: string; link: LinkInput; mode: 'link' | 'unlink' }) =>
      mode === 'link'
        ? data(client.POST('/evidence/{id}/links', { params: { path: { id: evidenceId } }, body: link }))
        : data(client.POST('/evidence/{id}/links/remove', { params: { path: { id: evidenceId } }, body: link })),
    onSuccess: () => qc.invalidateQueries({ queryKey: evidenceKeys.all }),
  });
}

const base = (id: string) => `/api/v1/evidence/${encodeURIComponent(id)}`;
/** A version's file: `inline` for a preview in a frame (PDF and raster images; the server sandboxes it). */
export const evidenceContentHref = (id: string, number: number, inline = false) =>
  `${base(id)}/versions/${number}/content${inline ? '?inline=true' : ''}`;

/** Media types the server previews inline (PDF and raster images, never HTML or SVG). */
export const previewKind = (mediaType: string): 'pdf' | 'image' | null =>
  mediaType === 'application/pdf'
    ? 'pdf'
    : ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(mediaType)
      ? 'image'
      : null;

export interface UploadHandle<T> {
  done: Promise<T>;
  abort: () => void;
}

/**
 * A multipart upload with progress. fetch reports no upload progress, so this is an XMLHttpRequest sending what the
 * typed client sends: same-origin credentials, the CSRF token and `accept: application/json`. The server's error
 * answer becomes the same ApiError the typed client throws (the UI translates it).
 */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, xhr.statusText, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'other', 'The upload was interrupted (network error)'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled'));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** A new evidence: its details (the `metadata` part, sent first) and its first file. */
export function uploadEvidence(
  metadata: EvidenceMetadata,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle<EvidenceDetail> {
  const form = new FormData();
  form.set('metadata', JSON.stringify(metadata));
  form.set('file', file, file.name);
  return uploadWithProgress<EvidenceDetail>('/evidence', form, onProgress);
}

/** A new version of an evidence (earlier versions stay); `note` says what changed. */
export function uploadEvidenceVersion(
  id: string,
  file: File,
  note: string,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle<EvidenceDetail> {
  const form = new FormData();
  if (note.trim()) form.set('note', note.trim());
  form.set('file', file, file.name);
  return uploadWithProgress<EvidenceDetail>(`/evidence/${encodeURIComponent(id)}/versions`, form, onProgress);
}

/** After an upload: the library lists it and its detail shows the new version. */
export function useAfterUpload() {
  const qc = useQueryClient();
  return (d: EvidenceDetail) => {
    qc.setQueryData(evidenceKeys.one(d.id), d);
    void qc.invalidateQueries({ queryKey: evidenceKeys.all });
  };
}
