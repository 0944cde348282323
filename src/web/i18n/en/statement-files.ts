/**
 * English UI strings: problems in an uploaded statement workbook (formats/statement, STATEMENT_ISSUES), said from
 * their code and params; the location (sheet, row, column) is shown beside each.
 */
export const statementFiles = {
  statementIssue: {
    file_too_large: 'The workbook is {{sizeMB}} MB, more than the limit of {{maxMB}} MB.',
    unreadable: 'The workbook could not be read: save it again from Excel as .xlsx.',
    corrupt_zip: 'The workbook is truncated or corrupt: save it again from Excel.',
    zip_bomb: 'The workbook would inflate far beyond its size and was refused (a suspected zip bomb).',
    xml_entities: 'The workbook declares XML entities (a DOCTYPE) and was refused.',
    encrypted: 'The workbook is encrypted: remove the password and save it again.',
    not_xlsx: 'The file is not an Excel workbook (.xlsx).',
    too_many_rows: 'The workbook has too many rows (at most {{max}}).',
    cell_too_large: 'A cell holds {{length}} characters, more than the limit of {{max}}.',
    not_a_statement_workbook:
      'This workbook is not a statement exported by ISMAP Hub: export the statement and edit that file.',
    unsupported_format_version:
      'The workbook is in format version {{version}}; this ISMAP Hub reads up to version {{supported}}.',
    sheet_missing: 'The sheet “{{sheet}}” is missing.',
    missing_column: 'The column “{{column}}” is missing.',
    formula_cell: 'A formula where text belongs: type the text itself.',
    duplicate_field: '“{{field}}” appears twice on the cover.',
    unknown_value: '“{{value}}” is not a value of {{field}} (one of {{allowed}}).',
    invalid_date: '{{field}}: “{{value}}” is not a date (YYYY-MM-DD).',
    service_id_missing: 'An underlying service without an ID.',
    duplicate_service: 'The underlying service {{service}} appears twice.',
    item_id_missing: 'A row without an item ID.',
    unknown_item: '{{item}} is not a criteria item of this edition.',
    duplicate_item: '{{item}} appears again (first on row {{firstRow}}).',
    item_missing: '{{item}} has no row: every criteria item of the edition needs one.',
    item_wrong_sheet: '{{item}} belongs on the {{tier}} sheet.',
    unknown_kind: '“{{value}}” is not a kind of criteria item.',
    invalid_flags: '“{{value}}” is not B, P, PB or empty.',
    unknown_selection:
      '{{item}}: “{{value}}” is not a selection (selected, not_selected, excluded, inherited, or empty).',
    unknown_status: '{{item}}: “{{value}}” is not a status (not_started, planned, in_progress, implemented).',
    invalid_number: '{{item}}: the version “{{value}}” is not a whole number.',
    invalid_revision_date: '{{item}}: the effective date “{{value}}” is not a date (YYYY-MM-DD).',
    selection_exclude_objective_only: '{{item}}: only a control objective can be excluded.',
    selection_required_item: '{{item}}: a mandatory item cannot be left out.',
    selection_inherit_controls_only: '{{item}}: only controls criteria items can be inherited.',
    inherited_from_missing: '{{item}}: an inherited item names the underlying service it is inherited from.',
    inherited_from_unknown: '{{item}}: the underlying service {{service}} is not in the scope of the statement.',
    inherited_from_not_inherited: '{{item}}: only an inherited item names an underlying service.',
  },
};
