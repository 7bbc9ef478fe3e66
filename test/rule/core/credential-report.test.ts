import { describe, expect, it } from 'vitest';
import { findRootKeys } from '../../../rule/src/core/credential-report.js';
import { CredentialReportUnavailableError } from '../../../rule/src/core/errors.js';
import { reportCsv } from '../../support/fixtures.js';

const report = reportCsv;

describe('findRootKeys', () => {
  it('reads both root key slots with state, use and rotation', () => {
    expect(findRootKeys(report('root-two-keys'))).toEqual({
      keys: [
        {
          slot: 1,
          active: true,
          lastRotated: '2019-03-02',
          lastUsedDate: '2026-11-20',
          lastUsedRegion: 'us-east-1',
          lastUsedService: 's3',
        },
        { slot: 2, active: false, lastRotated: '2019-03-02' },
      ],
    });
  });

  it('finds the root row after users with quoted commas and ignores extra columns', () => {
    expect(findRootKeys(report('root-not-first-extra-columns'))).toEqual({
      keys: [
        {
          slot: 2,
          active: false,
          lastRotated: '2021-05-06',
          lastUsedDate: '2024-02-03',
          lastUsedRegion: 'eu-central-1',
          lastUsedService: 'iam',
        },
      ],
    });
  });

  it('returns no keys when both slots are empty', () => {
    expect(findRootKeys(report('root-no-keys'))).toEqual({ keys: [] });
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
