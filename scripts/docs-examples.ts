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
  type AwsEndpoint,
  queryResult,
  type SimulatedWorld,
  startAwsEndpoint,
  withEnv,
} from '../tools/aws-endpoint/index.js';
import { launchChromium } from '../tools/chromium/launch.js';
import { AGGREGATOR, largeWorld, REGION, smallWorld } from './docs/example-worlds.js';

const SCREENSHOT = fileURLToPath(new URL('../docs/report-screenshot.png', import.meta.url));

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
