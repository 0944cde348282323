import type { Messages } from '../en';

/** 言明書ワークブックの取り込みで見つかった問題（formats/statement の STATEMENT_ISSUES）。位置は横に表示する。 */
export const statementFiles: Pick<Messages, 'statementIssue'> = {
  statementIssue: {
    file_too_large: 'ワークブックが {{sizeMB}} MB あり、上限の {{maxMB}} MB を超えています。',
    unreadable: 'ワークブックを読み込めません。Excel で .xlsx として保存し直してください。',
    corrupt_zip: 'ワークブックが途中で切れているか壊れています。Excel で保存し直してください。',
    zip_bomb: 'ワークブックの展開後の大きさが極端に大きいため受け付けません（zip 爆弾の疑い）。',
    xml_entities: 'ワークブックが XML エンティティ（DOCTYPE）を宣言しているため受け付けません。',
    encrypted: 'ワークブックが暗号化されています。パスワードを外して保存し直してください。',
    not_xlsx: 'Excel のワークブック（.xlsx）ではありません。',
    too_many_rows: 'ワークブックの行が多すぎます（上限 {{max}} 行）。',
    cell_too_large: 'セルの文字数が {{length}} 文字あり、上限の {{max}} 文字を超えています。',
    not_a_statement_workbook:
      'ISMAP Hub から書き出した言明書のワークブックではありません。言明書を書き出し、そのファイルを編集してください。',
    unsupported_format_version:
      'ワークブックの形式バージョンは {{version}} です。この ISMAP Hub が読めるのはバージョン {{supported}} までです。',
    sheet_missing: 'シート「{{sheet}}」がありません。',
    missing_column: '列「{{column}}」がありません。',
    formula_cell: '文字を入れるべきセルに数式があります。文字そのものを入力してください。',
    duplicate_field: '表紙に「{{field}}」が二度あります。',
    unknown_value: '「{{value}}」は {{field}} の値ではありません（{{allowed}} のいずれか）。',
    invalid_date: '{{field}}:「{{value}}」は日付（YYYY-MM-DD）ではありません。',
    service_id_missing: 'ID のない範囲外サービスがあります。',
    duplicate_service: '範囲外サービス {{service}} が二度あります。',
    item_id_missing: '項番のない行があります。',
    unknown_item: '{{item}} はこの版の管理基準の項目ではありません。',
    duplicate_item: '{{item}} がもう一度あります（最初は {{firstRow}} 行目）。',
    item_missing: '{{item}} の行がありません。版のすべての管理基準の項目に行が必要です。',
    item_wrong_sheet: '{{item}} は {{tier}} のシートの項目です。',
    unknown_kind: '「{{value}}」は管理基準の項目の種別ではありません。',
    invalid_flags: '「{{value}}」は B、P、PB、空欄のいずれでもありません。',
    unknown_selection:
      '{{item}}:「{{value}}」は選択の値ではありません（selected（選択）、not_selected（非選択）、excluded（除外）、inherited（継承）、空欄）。',
    unknown_status:
      '{{item}}:「{{value}}」は実施状況ではありません（not_started（未着手）、planned（計画済）、in_progress（実施中）、implemented（実施済））。',
    invalid_number: '{{item}}: 版「{{value}}」が整数ではありません。',
    invalid_revision_date: '{{item}}: 適用日「{{value}}」が日付（YYYY-MM-DD）ではありません。',
    selection_exclude_objective_only: '{{item}}: 除外できるのは統制目標だけです。',
    selection_required_item: '{{item}}: 基本言明要件の項目は外せません。',
    selection_inherit_controls_only: '{{item}}: 継承できるのは管理策基準の項目だけです。',
    inherited_from_missing: '{{item}}: 継承する項目には継承元の範囲外サービスを指定してください。',
    inherited_from_unknown: '{{item}}: 範囲外サービス {{service}} は言明の範囲にありません。',
    inherited_from_not_inherited: '{{item}}: 継承元を指定できるのは継承する項目だけです。',
  },
};
