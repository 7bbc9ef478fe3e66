import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../cli/src/program.js';
import { run } from './capture-io.js';

describe('runCli: help, version and usage errors', () => {
  it('prints help with every command and the exit codes, and exits 0', async () => {
    const { code, stdout, stderr } = await run(['--help']);

    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const text of [
      'evaluate',
      'report',
      'remediate',
      'pack-template',
      '--profile',
      '--region',
      '--output',
    ]) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toMatch(/2 {2}some account could not be evaluated or read \(this wins over 1\)/);
    expect(stdout.endsWith('(remediate has its own: see remediate --help)\n')).toBe(true);
  });

  it.each([
    [
      'evaluate',
      [
        '--accounts',
        '--organization',
        '--role-name',
        '--concurrency',
        '--ignore-inactive-keys',
        '--root-without-credentials',
      ],
    ],
    [
      'report',
      [
        '--aggregator',
        '--rule-name',
        '--concurrency',
        '--allow-insufficient-data',
        'NOT_APPLICABLE',
      ],
    ],
    [
      'remediate',
      [
        '--accounts',
        '--organization',
        '--apply',
        '--yes',
        '--min-idle-days',
        '--audit-log',
        '--concurrency',
        'no task policy allows iam:UpdateAccessKey',
      ],
    ],
    [
      'pack-template',
      [
        '--function-arn',
        '--rule-name',
        '--frequency',
        '--ignore-inactive-keys',
        '--root-without-credentials',
        '--execution-role-name',
      ],
    ],
  ])('prints help for %s with all its options', async (command, options) => {
    const { code, stdout } = await run([command, '--help']);

    expect(code).toBe(0);
    for (const option of options) expect(stdout).toContain(option);
  });

  it('prints the package version', async () => {
    const { code, stdout } = await run(['--version']);

    expect(code).toBe(0);
    expect(stdout.trim()).toBe(packageVersion());
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [
      ['evaluate', '--concurrency', '0'],
      "option '--concurrency <n>' argument '0' is invalid. Allowed: a whole number from 1 to 100.",
    ],
    [
      ['evaluate', '--output', 'xml'],
      "option '--output <format>' argument 'xml' is invalid. Allowed choices are table, json, csv, html, asff, ocsf.",
    ],
    [['--output', 'xml', 'evaluate'], "option '--output <format>' argument 'xml' is invalid."],
    [['evaluate', '--accounts', '12345'], "option '--accounts <ids>' argument '12345' is invalid."],
    [['evaluate', '--root-without-credentials', 'maybe'], 'Allowed: COMPLIANT, NOT_APPLICABLE.'],
    [
      ['evaluate', '--accounts', '111111111111'],
      '--role-name or --assume-root is required with --accounts and --organization',
    ],
    [
      ['evaluate', '--organization'],
      '--role-name or --assume-root is required with --accounts and --organization',
    ],
    [
      ['evaluate', '--organization', '--assume-root', '--role-name', 'R'],
      "option '--role-name <name>' cannot be used with option '--assume-root'",
    ],
    [
      ['evaluate', '--assume-root'],
      "--assume-root applies only with --accounts or --organization; without them, evaluate checks the caller's own account with the caller's credentials",
    ],
    [
      ['evaluate', '--organization', '--accounts', '111111111111', '--role-name', 'R'],
      "option '--accounts <ids>' cannot be used with option '--organization'",
    ],
    [['evaluate', '--role-name', 'a b'], "option '--role-name <name>' argument 'a b' is invalid."],
    [
      ['evaluate', '--role-name', 'security/Audit'],
      "--role-name applies only with --accounts or --organization; without them, evaluate checks the caller's own account with the caller's credentials",
    ],
    [['report'], "required option '--aggregator <name>' not specified"],
    [['remediate'], 'remediate needs --accounts or --organization'],
    [['remediate', '--organization', '--yes'], '--yes applies only with --apply'],
    [
      ['remediate', '--organization', '--min-idle-days', '-1'],
      "option '--min-idle-days <n>' argument '-1' is invalid. Allowed: a whole number of days from 0 to 3650.",
    ],
    [
      ['report', '--aggregator', 'org', '--rule-name', '9lives'],
      "option '--rule-name <name>' argument '9lives' is invalid.",
    ],
    [['pack-template'], "required option '--function-arn <arn>' not specified"],
    [
      ['pack-template', '--function-arn', 'nope'],
      "option '--function-arn <arn>' argument 'nope' is invalid. Allowed: a Lambda function ARN",
    ],
    [
      [
        'pack-template',
        '--function-arn',
        'arn:aws:lambda:us-east-1:111111111111:function:f',
        '--frequency',
        'weekly',
      ],
      'Allowed: One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours.',
    ],
    [
      [
        'pack-template',
        '--function-arn',
        'arn:aws:lambda:us-east-1:111111111111:function:f',
        '--output',
        'csv',
      ],
      "option '--output <format>' argument 'csv' is invalid. Allowed choices are json, yaml.",
    ],
    [
      ['remediate', '--organization', '--output', 'html'],
      "option '--output <format>' argument 'html' is invalid. Allowed choices are table, json, csv.",
    ],
    [
      ['--output', 'html', 'remediate', '--organization'],
      "option '--output <format>' argument 'html' is invalid for remediate. Allowed choices are table, json, csv.",
    ],
    [
      ['--output', 'yaml', 'evaluate'],
      "option '--output <format>' argument 'yaml' is invalid for evaluate. Allowed choices are table, json, csv, html, asff, ocsf.",
    ],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['evaluate', '--bogus'], "unknown option '--bogus'"],
  ])('rejects %j with exit 2 and a message naming the option', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('exits 2 and shows help on stderr when no command is given', async () => {
    const { code, stderr } = await run([]);

    expect(code).toBe(2);
    expect(stderr).toContain('Usage: root-access-key-rule');
    expect(stderr.endsWith('(remediate has its own: see remediate --help)\n')).toBe(true);
  });
});
