import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../aws/errors.js';
import { readAllPages } from '../../aws/paging.js';
import { CliError } from '../../cli/src/errors.js';

describe('readAllPages', () => {
  it('reads until no token comes back, an empty one counting as none', async () => {
    const tokens = ['a', 'b', ''];
    const asked: (string | undefined)[] = [];
    const pages = await readAllPages('x:List', async (token) => {
      asked.push(token);
      return tokens.shift();
    });
    expect(pages).toBe(3);
    expect(asked).toEqual([undefined, 'a', 'b']);
  });

  it('fails on a token seen before (a loop)', async () => {
    await expect(readAllPages('x:List', async () => 'same')).rejects.toThrow(
      new AwsCallError('x:List returned the same NextToken twice'),
    );
  });

  it('fails past maxPages on a listing that never ends, after reading exactly that many', async () => {
    let calls = 0;
    const reading = readAllPages('config:DescribeConfigRules', async () => `token-${++calls}`, {
      maxPages: 3,
    });
    await expect(reading).rejects.toThrow(
      'config:DescribeConfigRules gave more than 3 pages; the listing was not read to its end',
    );
    expect(calls).toBe(3);
  });

  it("passes the project's own errors on unchanged and describes the SDK's", async () => {
    const own = new CliError('stop here');
    await expect(readAllPages('x:List', () => Promise.reject(own))).rejects.toBe(own);
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    await expect(readAllPages('x:List', () => Promise.reject(denied))).rejects.toThrow(
      /x:List was denied/,
    );
  });
});
