import { describe, expect, it } from 'vitest';
import {
  describeKeysByDetail,
  fitAnnotation,
  truncateAtWord,
} from '../../../rule/src/core/annotation.js';
import { type RootAccessKey, RootKeySource, type RootKeys } from '../../../rule/src/core/facts.js';

describe('truncateAtWord', () => {
  it('keeps text that fits', () => {
    expect(truncateAtWord('short text', 20)).toBe('short text');
  });

  it('cuts at the last word boundary and ends with an ellipsis', () => {
    expect(truncateAtWord('alpha beta gamma delta', 15)).toBe('alpha beta…');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncateAtWord('alpha beta, gamma delta', 13)).toBe('alpha beta…');
  });

  it('cuts inside a word only when there is no boundary in the second half', () => {
    const cut = truncateAtWord('a'.repeat(300), 256);
    expect(cut).toHaveLength(256);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('fitAnnotation', () => {
  it('takes the first candidate within 256 characters', () => {
    expect(fitAnnotation(['x'.repeat(257), 'fits', 'also fits'])).toBe('fits');
  });

  it('cuts the last candidate when none fits', () => {
    expect(fitAnnotation(['word '.repeat(60), 'word '.repeat(70)])).toHaveLength(255);
  });
});

const report = (keys: RootAccessKey[]): RootKeys => ({
  source: RootKeySource.CredentialReport,
  keys,
});

describe('describeKeysByDetail', () => {
  it('offers four levels of detail, most first', () => {
    const levels = describeKeysByDetail(
      report([
        {
          slot: 1,
          active: true,
          created: '2019-03-02',
          lastUsedDate: '2026-11-20',
          lastUsedService: 's3',
          lastUsedRegion: 'us-east-1',
        },
      ]),
    );
    expect(levels).toEqual([
      'key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02',
      'key 1 active, last used 2026-11-20 (s3, us-east-1)',
      'key 1 active, last used 2026-11-20',
      'key 1 active',
    ]);
  });

  it('says never used when the key has no last use', () => {
    expect(describeKeysByDetail(report([{ slot: 2, active: false }]))[0]).toBe(
      'key 2 inactive, never used',
    );
  });

  it('names keys of the key list by their id and says created, not rotated', () => {
    const levels = describeKeysByDetail({
      source: RootKeySource.AccessKeyList,
      keys: [
        { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', active: true, created: '2019-03-02' },
        { active: false },
      ],
    });
    expect(levels[0]).toBe(
      'key AKIAIOSFODNN7EXAMPLE active, never used, created 2019-03-02; key 2 inactive, never used',
    );
  });
});
