import { CREDENTIAL_REPORT_COLUMNS, credentialReportCsv } from '../tools/aws-endpoint/index.js';
import { type Case, ReportState, type Slot } from './cases.js';

/** The credential report of the case's account, odd in the way its state says. */
export function reportCsv(current: Case): string {
  const { facts } = current;
  const accountId = facts.accountId;
  const users =
    current.facts.report === ReportState.CommaNames
      ? [{ name: 'ops,admin' }, { name: 'deploy "ci"', key1: { active: true } }]
      : [{ name: 'alice' }];
  switch (facts.report) {
    case ReportState.EmptyContent:
      return '';
    case ReportState.NotCsv:
      return '\u0000\u00ff"unclosed,quote\n<html>not a report</html>';
    case ReportState.MissingColumn: {
      const header = CREDENTIAL_REPORT_COLUMNS.filter((column) => column !== 'access_key_2_active');
      return `${header.join(',')}\n<root_account>,arn:${current.partition}:iam::${accountId}:root`;
    }
    case ReportState.NoRootRow:
      return credentialReportCsv({ accountId, partition: current.partition, users })
        .split('\n')
        .filter((line) => !line.startsWith('<root_account>'))
        .join('\n');
    default: {
      const csv = credentialReportCsv({
        accountId,
        partition: current.partition,
        users,
        rootPosition: facts.report === ReportState.RootLast ? 'last' : 'first',
        ...(facts.report === ReportState.ExtraColumns
          ? { extraColumns: { access_key_3_active: 'true', note: 'x' } }
          : {}),
      });
      const withSlots = setRootSlots(csv, facts.slots);
      return facts.report === ReportState.Bom ? `\ufeff${withSlots}` : withSlots;
    }
  }
}

const SLOT_COLUMNS = [
  CREDENTIAL_REPORT_COLUMNS.indexOf('access_key_1_active'),
  CREDENTIAL_REPORT_COLUMNS.indexOf('access_key_2_active'),
] as const;

/** Writes the slots' cells, odd values as they are, into the root row. */
function setRootSlots(csv: string, slots: readonly [Slot | undefined, Slot | undefined]): string {
  return csv
    .split('\n')
    .map((line) => {
      if (!line.startsWith('<root_account>,')) return line;
      const cells = line.split(',');
      slots.forEach((slot, index) => {
        const at = SLOT_COLUMNS[index] ?? 0;
        cells[at] = slot?.active ?? 'false';
        cells[at + 1] = slot?.rotated ? '2019-03-02T10:15:00+00:00' : 'N/A';
        cells[at + 2] = slot?.used ? '2026-11-20T08:00:00+00:00' : 'N/A';
        cells[at + 3] = slot?.used ? 'us-east-1' : 'N/A';
        cells[at + 4] = slot?.used ? 's3' : 'N/A';
      });
      return cells.join(',');
    })
    .join('\n');
}
