/** The statement as an OSCAL system security plan: download and import. */
export const statementSsp = {
  statementSsp: {
    exportSsp: 'OSCAL SSP (JSON)',
    importHint:
      'An OSCAL system security plan (.json) exported from a statement of the same edition imports the same way.',
  },
};
