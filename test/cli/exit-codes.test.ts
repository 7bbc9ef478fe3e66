import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor } from '../../cli/src/exit-codes';

const row = (compliance: string, error?: string) => ({
  compliance,
  ...(error === undefined ? {} : { error }),
});

describe('exitCodeFor', () => {
  it('exits 0 when every account is compliant or not applicable', () => {
    expect(exitCodeFor([row('COMPLIANT'), row('NOT_APPLICABLE')])).toBe(ExitCode.Ok);
  });

  it('exits 0 for no rows: nothing is non-compliant', () => {
    expect(exitCodeFor([])).toBe(0);
  });

  it('exits 1 when an account is NON_COMPLIANT', () => {
    expect(exitCodeFor([row('COMPLIANT'), row('NON_COMPLIANT')])).toBe(ExitCode.NonCompliant);
  });

  it('exits 2 when an account could not be evaluated, even if another is NON_COMPLIANT', () => {
    expect(exitCodeFor([row('NON_COMPLIANT'), row('ERROR', 'sts:AssumeRole was denied')])).toBe(
      ExitCode.Error,
    );
  });

  it('exits 2 for a row with an error whatever its compliance says', () => {
    expect(exitCodeFor([row('COMPLIANT', 'read failed')])).toBe(2);
  });

  it('exits 2 when Config holds no evaluation for an account (INSUFFICIENT_DATA)', () => {
    expect(exitCodeFor([row('COMPLIANT'), row('INSUFFICIENT_DATA')])).toBe(2);
  });
});
