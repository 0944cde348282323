import type { Messages } from '../en';

/** 言明書を OSCAL のシステムセキュリティ計画（SSP）として出力・取込。 */
export const statementSsp: Pick<Messages, 'statementSsp'> = {
  statementSsp: {
    exportSsp: 'OSCAL SSP（JSON）',
    importHint: '同じ版の言明書から出力した OSCAL のシステムセキュリティ計画（.json）も同じように取り込めます。',
  },
};
