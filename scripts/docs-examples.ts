/**
 * `npm run docs:examples`: the example outputs of docs/cli.md and the
 * report screenshot of docs/ and the README, made by real runs of the tool
 * against the local endpoint (tools/aws-endpoint) over two simulated
 * organizations: a small one for the text examples, a larger one for the
 * screenshot. Prints every command with its output and exit code; writes
 * docs/report-screenshot.png. Offline; needs Debian's Chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/src/main.js';
import {
  type AggregateEvaluation,
  type AwsEndpoint,
  createWorld,
  generateOrganization,
  queryResult,
  type SimAccount,
  type SimulatedWorld,
  startAwsEndpoint,
  withEnv,
} from '../tools/aws-endpoint/index.js';
import { launchChromium } from '../tools/chromium/launch.js';

const SCREENSHOT = fileURLToPath(new URL('../docs/report-screenshot.png', import.meta.url));
const AGGREGATOR = 'root-access-key-rule-organization';
const REGION = 'eu-west-1';
const RECORDED = new Date('2026-11-28T06:00:12Z');
const CLEAN = 'No root access key exists (IAM account summary: AccountAccessKeysPresent is 0).';
const ACTIVE =
  'Root user has 1 access key: key 1 active, last used 2026-11-20 (s3, us-east-1), rotated 2019-03-02. Delete it.';
const INACTIVE =
  'Root user has 1 access key: key 2 inactive, never used, rotated 2019-03-02. Delete it.';
const ACTIVE_KEY = { key1: { active: true, lastUsedDate: '2026-11-20T08:00:00+00:00' } } as const;
const RECORDER_MISSING = {
  status: 'CREATE_FAILED',
  errorCode: 'NoAvailableConfigurationRecorder',
  errorMessage: 'Config recorder is not available in the member account.',
} as const;

function result(
  accountId: string,
  complianceType: AggregateEvaluation['complianceType'],
  annotation: string,
  ruleName: string,
  minutes = 0,
): AggregateEvaluation {
  const resultRecordedTime = new Date(RECORDED.getTime() + minutes * 60_000);
  return { accountId, region: REGION, ruleName, complianceType, annotation, resultRecordedTime };
}

/** The organization of the text examples: eight accounts, one of each case. */
function smallWorld(): SimulatedWorld {
  const org = 'OrgConfigRule-root-access-key-rule-k3x9vq2m';
  const pack = 'root-access-key-rule-conformance-pack-7hd2kq9ze';
  const accounts: SimAccount[] = [
    { id: '111111111111', name: 'management' },
    { id: '222222222222', name: 'production', parentId: 'ou-exmp-prod0001', rootKeys: ACTIVE_KEY },
    {
      id: '333333333333',
      name: 'sandbox',
      parentId: 'ou-exmp-sandbox1',
      rootKeys: { key2: { active: false } },
    },
    { id: '444444444444', name: 'security', parentId: 'ou-exmp-security', passwordPresent: false },
    { id: '555555555555', name: 'legacy', parentId: 'ou-exmp-sandbox1', assumeRoleDenied: true },
    {
      id: '666666666666',
      name: 'closed-project',
      parentId: 'ou-exmp-sandbox1',
      status: 'SUSPENDED',
    },
    { id: '777777777777', name: 'lab', parentId: 'ou-exmp-sandbox1' },
    { id: '888888888888', name: 'data-prod', parentId: 'ou-exmp-prod0001', rootKeys: ACTIVE_KEY },
  ];
  return createWorld({
    roleName: 'RootKeyAudit',
    organization: {
      units: [
        { id: 'ou-exmp-workload', name: 'Workloads' },
        { id: 'ou-exmp-prod0001', name: 'Prod', parentId: 'ou-exmp-workload' },
        { id: 'ou-exmp-sandbox1', name: 'Sandbox' },
        { id: 'ou-exmp-security', name: 'Security' },
      ],
    },
    accounts,
    aggregators: [
      {
        name: AGGREGATOR,
        evaluations: [
          result('111111111111', 'COMPLIANT', CLEAN, 'root-access-key-rule'),
          result('222222222222', 'NON_COMPLIANT', ACTIVE, org, 1),
          result('333333333333', 'NON_COMPLIANT', INACTIVE, pack, 2),
          result(
            '444444444444',
            'NOT_APPLICABLE',
            'The root user has no access keys and no password.',
            pack,
            3,
          ),
          result('555555555555', 'COMPLIANT', CLEAN, org, 4),
          result('111111111111', 'NON_COMPLIANT', 'No password policy.', 'iam-password-policy'),
        ],
      },
    ],
    conformancePacks: [
      {
        name: 'root-access-key-rule',
        excludedAccounts: ['777777777777'],
        statuses: [
          ...['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'].map(
            (accountId) => ({ accountId, status: 'CREATE_SUCCESSFUL' as const }),
          ),
          { accountId: '888888888888', ...RECORDER_MISSING },
        ],
      },
    ],
  });
}

/** The organization of the screenshot: 12 OUs of four accounts each, and the same cases. */
function largeWorld(): SimulatedWorld {
  const { organization, leafUnits } = generateOrganization();
  const names = new Map(organization.units?.map((unit) => [unit.id, unit.name]));
  const accounts: SimAccount[] = [{ id: '111111111111', name: 'management' }];
  const evaluations: AggregateEvaluation[] = [
    result('111111111111', 'COMPLIANT', CLEAN, 'root-access-key-rule'),
  ];
  const statuses: { accountId: string; status: 'CREATE_SUCCESSFUL' | 'CREATE_IN_PROGRESS' }[] = [];
  const failed: string[] = [];
  leafUnits.forEach((unit, u) => {
    for (let n = 0; n < 4; n++) {
      const index = u * 4 + n;
      const id = String(210_000_000_000 + index);
      const branch = names.get(unit.parentId ?? '') ?? 'unit';
      const name = `${branch}-${unit.name}-${n + 1}`.toLowerCase();
      const keyed = index % 9 === 4;
      accounts.push({
        id,
        name,
        parentId: unit.id,
        ...(index === 30 && { status: 'SUSPENDED' as const }),
      });
      if (index === 30) continue;
      if (index === 17) {
        failed.push(id);
        continue;
      }
      if (index === 41) continue;
      statuses.push({
        accountId: id,
        status: index === 23 ? 'CREATE_IN_PROGRESS' : 'CREATE_SUCCESSFUL',
      });
      if (index === 23) continue;
      const rule =
        index % 2 === 0
          ? 'OrgConfigRule-root-access-key-rule-k3x9vq2m'
          : 'root-access-key-rule-conformance-pack-7hd2kq9ze';
      evaluations.push(
        index % 13 === 7
          ? result(
              id,
              'NOT_APPLICABLE',
              'The root user has no access keys and no password.',
              rule,
              index,
            )
          : result(id, keyed ? 'NON_COMPLIANT' : 'COMPLIANT', keyed ? ACTIVE : CLEAN, rule, index),
      );
    }
  });
  return createWorld({
    organization,
    accounts,
    aggregators: [{ name: AGGREGATOR, evaluations }],
    conformancePacks: [
      {
        name: 'root-access-key-rule',
        excludedAccounts: [String(210_000_000_041)],
        statuses: [...statuses, ...failed.map((accountId) => ({ accountId, ...RECORDER_MISSING }))],
      },
    ],
  });
}

/** Runs the tool as a user would and returns what it printed, in the docs' transcript form. */
async function transcript(endpoint: AwsEndpoint, argv: readonly string[]): Promise<string> {
  const quiet = argv.at(-1) === '>/dev/null';
  const args = quiet ? argv.slice(0, -1) : argv;
  const chunks: string[] = [];
  const stream = { write: (chunk: string) => chunks.push(chunk) };
  const discard = { write: () => true };
  const code = await withEnv(endpoint.env(REGION), () =>
    runCli(args, { stdout: quiet ? discard : stream, stderr: stream }),
  );
  return `$ root-access-key-rule ${argv.join(' ')}\n${chunks.join('')}$ echo $?\n${code}\n`;
}

/** Clears the endpoint's calls, and answers ListOrganizationsFeatures: RootCredentialsManagement on. */
function prepare(endpoint: AwsEndpoint): void {
  endpoint.reset();
  endpoint.setDefault('iam', 'ListOrganizationsFeatures', () =>
    queryResult('iam', 'ListOrganizationsFeatures', {
      OrganizationId: 'o-exampleorg1',
      EnabledFeatures: ['RootCredentialsManagement'],
    }),
  );
}

async function withEndpoint<T>(world: SimulatedWorld, work: (endpoint: AwsEndpoint) => Promise<T>) {
  const endpoint = await startAwsEndpoint({ world });
  prepare(endpoint);
  try {
    return await work(endpoint);
  } finally {
    await endpoint.close();
  }
}

const EXAMPLES: readonly (readonly string[])[] = [
  ['evaluate', '--output', 'table'],
  ['evaluate', '--organization', '--role-name', 'RootKeyAudit', '--output', 'table'],
  ['evaluate', '--organization', '--role-name', 'RootKeyAudit', '--output', 'json'],
  ['evaluate', '--organization', '--role-name', 'RootKeyAudit', '--output', 'csv'],
  [
    'evaluate',
    '--accounts',
    '333333333333,444444444444',
    '--role-name',
    'RootKeyAudit',
    '--ignore-inactive-keys',
    '--root-without-credentials',
    'NOT_APPLICABLE',
    '--output',
    'table',
  ],
  [
    'evaluate',
    '--accounts',
    '222222222222,333333333333',
    '--role-name',
    'RootKeyAudit',
    '--ignore-inactive-keys',
    '--output',
    'json',
  ],
  ['report', '--aggregator', AGGREGATOR, '--output', 'table'],
  [
    'report',
    '--aggregator',
    AGGREGATOR,
    '--allow-insufficient-data',
    '--allow-missing-accounts',
    '--output',
    'json',
  ],
  [
    'report',
    '--aggregator',
    AGGREGATOR,
    '--rule-name',
    'my-root-rule',
    '--output',
    'json',
    '>/dev/null',
  ],
  ['report', '--aggregator', 'nope', '--output', 'json'],
];

await withEndpoint(smallWorld(), async (endpoint) => {
  for (const argv of EXAMPLES) {
    prepare(endpoint);
    process.stdout.write(`${await transcript(endpoint, argv)}\n`);
  }
});

await withEndpoint(largeWorld(), async (endpoint) => {
  const chunks: string[] = [];
  const stdout = { write: (chunk: string) => chunks.push(chunk) };
  await withEnv(endpoint.env(REGION), () =>
    runCli(['report', '--aggregator', AGGREGATOR, '--output', 'html'], {
      stdout,
      stderr: { write: () => true },
    }),
  );
  const dir = mkdtempSync(join(tmpdir(), 'docs-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, chunks.join(''));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${file}`);
    await page.screenshot({
      path: SCREENSHOT,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 2300 },
    });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`screenshot: ${SCREENSHOT}\n`);
});
