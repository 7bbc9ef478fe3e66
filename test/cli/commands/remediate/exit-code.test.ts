import { describe, expect, it } from 'vitest';
import { remediationExitCode } from '../../../../cli/src/commands/remediate/exit-code.js';

const rows = (...actions: string[]) => actions.map((action) => ({ action }));

describe('remediationExitCode', () => {
  it.each([
    [rows('NO_KEYS', 'DELETED'), 0],
    [rows(), 0],
    [rows('DELETED', 'SKIPPED'), 1],
    [rows('WOULD_DELETE', 'NO_KEYS'), 1],
    [rows('WOULD_DELETE', 'FAILED'), 2],
    [rows('DELETED', 'FAILED', 'SKIPPED'), 2],
    [rows('DELETED', 'KEPT'), 1],
    [rows('NO_KEYS', 'LEFT_OUT'), 1],
    [rows('GONE', 'DELETED'), 0],
  ])(
    'exits 0 when no key remains, 1 when keys remain or may (left out), 2 on any failure (%j → %i)',
    (given, code) => {
      expect(remediationExitCode(given)).toBe(code);
    },
  );
});
