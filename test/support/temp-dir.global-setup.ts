import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives the test run a temporary directory of its own (TMPDIR, inherited by
 * the test workers) and removes it afterwards, with everything the tests and
 * the CDK left in it: every `Template.fromStack` synthesizes into a fresh
 * `cdk.out…` directory there.
 */
export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'root-access-key-rule-tests-'));
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
