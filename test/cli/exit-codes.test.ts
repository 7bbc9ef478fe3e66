import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor } from '../../cli/src/exit-codes.js';

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

  it('exits 2 for a STALE or CONFLICT row, with or without an error, whatever is allowed', () => {
    const allowAll = { allowInsufficientData: true, allowMissingAccounts: true };
    expect(exitCodeFor([row('COMPLIANT'), row('STALE')], allowAll)).toBe(ExitCode.Error);
    expect(exitCodeFor([row('COMPLIANT'), row('CONFLICT')], allowAll)).toBe(ExitCode.Error);
  });

  it('never counts an IGNORED row', () => {
    expect(exitCodeFor([row('COMPLIANT'), row('IGNORED')])).toBe(ExitCode.Ok);
  });

  it('exits 2 when Config holds no evaluation for an account (INSUFFICIENT_DATA)', () => {
    expect(exitCodeFor([row('COMPLIANT'), row('INSUFFICIENT_DATA')])).toBe(2);
  });

  it('exits 0 for INSUFFICIENT_DATA rows without an error when they are allowed', () => {
    expect(
      exitCodeFor([row('COMPLIANT'), row('INSUFFICIENT_DATA')], { allowInsufficientData: true }),
    ).toBe(ExitCode.Ok);
  });

  it('still exits 2 for an error row when INSUFFICIENT_DATA is allowed', () => {
    expect(
      exitCodeFor([row('INSUFFICIENT_DATA'), row('ERROR', 'read failed')], {
        allowInsufficientData: true,
      }),
    ).toBe(ExitCode.Error);
    expect(exitCodeFor([row('ERROR')], { allowInsufficientData: true })).toBe(ExitCode.Error);
  });

  it('exits 1 for NON_COMPLIANT next to allowed INSUFFICIENT_DATA rows', () => {
    expect(
      exitCodeFor([row('NON_COMPLIANT'), row('INSUFFICIENT_DATA')], {
        allowInsufficientData: true,
      }),
    ).toBe(ExitCode.NonCompliant);
  });
});
