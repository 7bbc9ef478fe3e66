import { describe, expect, it } from 'vitest';
import { describeKeyFields, keyFields } from '../../../../cli/src/commands/evaluate/key-fields.js';
import { RootKeySource } from '../../../../rule/src/core/facts.js';

describe('describeKeyFields', () => {
  it('says each key as the annotation does at full detail, from the row fields', () => {
    const { keys, keySource } = keyFields({
      kind: 'available',
      root: {
        source: RootKeySource.AccessKeyList,
        keys: [
          {
            accessKeyId: 'AKIA1',
            active: true,
            created: '2019-03-02',
            lastUsedDate: '2026-11-20',
            lastUsedService: 's3',
            lastUsedRegion: 'us-east-1',
          },
          { accessKeyId: 'AKIA2', active: false },
        ],
      },
    });

    expect(describeKeyFields(keys, keySource)).toEqual([
      'key AKIA1 active, last used 2026-11-20 (s3, us-east-1), created 2019-03-02',
      'key AKIA2 inactive, never used',
    ]);
  });

  it('names report keys by their slot and their creation as the last rotation', () => {
    expect(
      describeKeyFields(
        [{ slot: 2, status: 'Inactive', created: '2019-03-02' }],
        'credential-report',
      ),
    ).toEqual(['key 2 inactive, never used, rotated 2019-03-02']);
  });

  it('has nothing to say without keys or their source', () => {
    expect(describeKeyFields(undefined, 'credential-report')).toBeUndefined();
    expect(describeKeyFields([], 'access-key-list')).toBeUndefined();
    expect(describeKeyFields([{ slot: 1, status: 'Active' }], undefined)).toBeUndefined();
  });
});
