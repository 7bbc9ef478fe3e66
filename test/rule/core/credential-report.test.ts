import { describe, expect, it } from 'vitest';
import { findRootKeys } from '../../../rule/src/core/credential-report.js';
import { CredentialReportUnavailableError } from '../../../rule/src/core/errors.js';
import { reportCsv } from '../../support/fixtures.js';

const report = reportCsv;

/** The report with one cell of the root row replaced (the fixture has no quoted commas there). */
function withRootCell(csv: string, column: string, value: string): string {
  const [header = '', ...rows] = csv.split('\n');
  const index = header.split(',').indexOf(column);
  return [
    header,
    ...rows.map((row) => {
      if (!row.startsWith('<root_account>,')) return row;
      const cells = row.split(',');
      cells[index] = value;
      return cells.join(',');
    }),
  ].join('\n');
}

describe('findRootKeys', () => {
  it('reads both root key slots with state, use and rotation', () => {
    expect(findRootKeys(report('root-two-keys'))).toEqual({
      source: 'credential-report',
      keys: [
        {
          slot: 1,
          active: true,
          created: '2019-03-02',
          lastUsedDate: '2026-11-20',
          lastUsedRegion: 'us-east-1',
          lastUsedService: 's3',
        },
        { slot: 2, active: false, created: '2019-03-02' },
      ],
    });
  });

  it('finds the root row after users with quoted commas and ignores extra columns', () => {
    expect(findRootKeys(report('root-not-first-extra-columns'))).toEqual({
      source: 'credential-report',
      keys: [
        {
          slot: 2,
          active: false,
          created: '2021-05-06',
          lastUsedDate: '2024-02-03',
          lastUsedRegion: 'eu-central-1',
          lastUsedService: 'iam',
        },
      ],
    });
  });

  it.each(['yes', '1', 'Active', '', 'N/A', 'no'])(
    'makes the report unusable, never a verdict, when a key state reads %j',
    (value) => {
      const csv = withRootCell(report('root-two-keys'), 'access_key_1_active', value);
      expect(() => findRootKeys(csv)).toThrow(CredentialReportUnavailableError);
      expect(() => findRootKeys(csv)).toThrow(
        `access_key_1_active of <root_account> is ${JSON.stringify(value)}; expected true or false`,
      );
    },
  );

  it('reads key states in any case', () => {
    const csv = withRootCell(report('root-two-keys'), 'access_key_1_active', 'TRUE');
    expect(findRootKeys(csv).keys[0]?.active).toBe(true);
  });

  it('returns no keys when both slots are empty', () => {
    expect(findRootKeys(report('root-no-keys'))).toEqual({ source: 'credential-report', keys: [] });
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    const text = `\uFEFF${report('root-two-keys').replaceAll('\n', '\r\n')}`;
    expect(findRootKeys(text).keys).toHaveLength(2);
  });

  it('fails when the root row is missing', () => {
    const withoutRoot = report('root-two-keys')
      .split('\n')
      .filter((line) => !line.startsWith('<root_account>'))
      .join('\n');
    expect(() => findRootKeys(withoutRoot)).toThrow(
      'The credential report has no <root_account> row among its 1 user rows',
    );
  });

  it('fails, naming them, when key columns are missing', () => {
    const text = 'user,arn\n<root_account>,arn:aws:iam::123456789012:root\n';
    expect(() => findRootKeys(text)).toThrow(
      /lacks column\(s\) access_key_1_active, access_key_1_last_rotated/,
    );
  });

  it('fails on CSV that cannot be parsed', () => {
    expect(() => findRootKeys('user,arn\n"unterminated,quote\n')).toThrow(
      CredentialReportUnavailableError,
    );
  });
});
