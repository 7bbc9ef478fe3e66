import { describe, expect, it } from 'vitest';
import { run } from './capture-io.js';

/** What each command's own --help says about the options that apply to it. */
describe('command help', () => {
  it.each(['evaluate', 'report', 'remediate'])(
    '%s --help shows the global options and the time limit with its default',
    async (command) => {
      const { code, stdout } = await run([command, '--help']);

      expect(code).toBe(0);
      for (const option of ['--profile <name>', '--region <region>', '--output <format>']) {
        expect(stdout).toContain(option);
      }
      expect(stdout).toMatch(/--timeout <duration> +longest time the whole command may take/);
      expect(stdout.replace(/\s+/g, ' ')).toContain('and exits 2 (default: 30m)');
    },
  );

  it('pack-template --help marks --function-arn as required, and has no time limit', async () => {
    const { code, stdout } = await run(['pack-template', '--help']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/--function-arn <arn> +ARN of the rule's Lambda function \(required\)/);
    expect(stdout).not.toContain('--timeout');
  });
});

describe('--timeout', () => {
  it.each(['0s', '999ms', '25h', '5', 'soon', ''])(
    'refuses %j before any call, naming what is allowed',
    async (value) => {
      const { code, stderr } = await run(['evaluate', '--timeout', value]);

      expect(code).toBe(2);
      expect(stderr).toContain(
        `error: option '--timeout <duration>' argument '${value}' is invalid. Allowed: a duration from 1s to 24h such as 90s, 5m, 1h or 1m30s.`,
      );
    },
  );
});
