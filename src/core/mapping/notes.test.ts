import { describe, expect, it } from 'vitest';
import { formatNote, parseNote, type BundledNote } from './notes';

describe('bundled mapping notes', () => {
  const notes: BundledNote[] = [
    { code: 'shared_numbering' },
    { code: 'detailed_under_objective' },
    { code: 'iso_clause_tags', tags: '6.1.2a), 6.1.2' },
    { code: 'nist_tables', tables: '1 and 2', partial: true, source: 'relates to; see the text' },
    { code: 'nist_tables', tables: '2', partial: false, source: null },
    { code: 'iso_correspondence_1to1' },
    { code: 'iso_correspondence_merged' },
    { code: 'iso_correspondence_split' },
    { code: 'same_control_id' },
  ];
  it.each(notes)('reads back what it wrote: %o', (n) => {
    expect(parseNote(formatNote(n))).toEqual(n);
  });
  it('keeps the sentences stored until now', () => {
    expect(formatNote({ code: 'nist_tables', tables: '1', partial: true, source: null })).toBe(
      'NIST table 1; partial (*)',
    );
  });
  it('leaves a note a person wrote alone', () => {
    expect(parseNote('checked with the auditor on 2026-03-01')).toBeNull();
  });
});
