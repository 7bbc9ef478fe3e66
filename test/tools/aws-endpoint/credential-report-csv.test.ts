import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_REPORT_COLUMNS,
  credentialReportCsv,
} from '../../../tools/aws-endpoint/credential-report-csv.js';

function rows(csv: string): Record<string, string>[] {
  return parse(csv, { columns: true }) as Record<string, string>[];
}

describe('credentialReportCsv', () => {
  it('writes the full header and a root row whose password columns read not_supported', () => {
    const csv = credentialReportCsv({ accountId: '222222222222' });

    expect(csv.split('\n')[0]).toBe(CREDENTIAL_REPORT_COLUMNS.join(','));
    expect(rows(csv)).toEqual([
      expect.objectContaining({
        user: '<root_account>',
        arn: 'arn:aws:iam::222222222222:root',
        password_enabled: 'not_supported',
        password_last_changed: 'not_supported',
        password_next_rotation: 'not_supported',
        access_key_1_active: 'false',
        access_key_1_last_rotated: 'N/A',
        access_key_2_last_used_date: 'N/A',
      }),
    ]);
  });

  it('fills the root key slots: active, rotated, last used date, region and service', () => {
    const csv = credentialReportCsv({
      partition: 'aws-us-gov',
      root: {
        key1: {
          active: true,
          lastRotated: new Date('2019-03-02T10:00:00Z'),
          lastUsedDate: '2026-11-20T08:00:00+00:00',
          lastUsedRegion: 'us-gov-west-1',
          lastUsedService: 'ec2',
        },
        key2: { active: false },
      },
    });

    expect(rows(csv)[0]).toMatchObject({
      arn: 'arn:aws-us-gov:iam::123456789012:root',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2019-03-02T10:00:00+00:00',
      access_key_1_last_used_date: '2026-11-20T08:00:00+00:00',
      access_key_1_last_used_region: 'us-gov-west-1',
      access_key_1_last_used_service: 'ec2',
      access_key_2_active: 'false',
      access_key_2_last_rotated: '2019-03-02T10:15:00+00:00',
      access_key_2_last_used_date: 'N/A',
      access_key_2_last_used_region: 'N/A',
      access_key_2_last_used_service: 'N/A',
    });
  });

  it('quotes user names with commas and quotes, and can put the root row last', () => {
    const csv = credentialReportCsv({
      users: [
        { name: 'ops,admin', key1: { active: true } },
        { name: 'say"hi"', passwordEnabled: false },
      ],
      rootPosition: 'last',
    });

    expect(csv).toContain('"ops,admin"');
    expect(rows(csv).map((row) => [row.user, row.password_enabled])).toEqual([
      ['ops,admin', 'true'],
      ['say"hi"', 'false'],
      ['<root_account>', 'not_supported'],
    ]);
  });

  it('appends extra columns to every row', () => {
    const csv = credentialReportCsv({
      users: [{ name: 'u' }],
      extraColumns: { future_column: 'x' },
    });

    expect(rows(csv).map((row) => row.future_column)).toEqual(['x', 'x']);
  });
});
