/**
 * `npm run docs:examples`: the example outputs of docs/cli.md and the
 * report screenshot of docs/ and the README, made by real runs of the tool
 * against the local endpoint (tools/aws-endpoint) over two simulated
 * organizations: a small one for the text examples, a larger one for the
 * screenshot, and one for centralized root access (docs/remediation.md).
 * Prints every command with its output and exit code, and takes the
 * screenshot into a temporary file (its path printed). With `--write`, puts
 * the transcripts into those docs' examples and the screenshot into
 * docs/report-screenshot.png; without it, no file of the repository changes.
 * Offline; needs a Chromium (see tools/chromium/launch.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli/src/main.js';
import {
  type AwsEndpoint,
  type SimulatedWorld,
  startAwsEndpoint,
  withEnv,
} from '../tools/aws-endpoint/index.js';
import { launchChromium } from '../tools/chromium/launch.js';
import { AGGREGATOR, largeWorld, REGION, smallWorld } from './docs/example-worlds.js';
import { rootAccessWorld } from './docs/root-access-world.js';
import { updateBlocks } from './docs/update-blocks.js';

/** The docs whose examples `--write` updates in place. */
const DOCS = ['docs/cli.md', 'docs/remediation.md', 'docs/findings.md'].map((doc) =>
  fileURLToPath(new URL(`../${doc}`, import.meta.url)),
);
const WRITE = process.argv.includes('--write');
const DOCS_SCREENSHOT = fileURLToPath(new URL('../docs/report-screenshot.png', import.meta.url));
const SCREENSHOT = WRITE
  ? DOCS_SCREENSHOT
  : join(mkdtempSync(join(tmpdir(), 'docs-screenshot-')), 'report-screenshot.png');

/** The answer typed on a (simulated) terminal, for examples that ask. */
const TYPED = '<typed>';

/**
 * Runs the tool as a user would and returns what it printed, in the docs'
 * transcript form. An example ending in `<typed> ANSWER` runs on a terminal
 * (stdin and stderr), and ANSWER is typed when asked; it shows as typed.
 */
async function transcript(endpoint: AwsEndpoint, argv: readonly string[]): Promise<string> {
  const typedAt = argv.indexOf(TYPED);
  const answer = typedAt < 0 ? undefined : argv[typedAt + 1];
  const shown = typedAt < 0 ? argv : argv.slice(0, typedAt);
  const quiet = shown.at(-1) === '>/dev/null';
  const args = quiet ? shown.slice(0, -1) : shown;
  const chunks: string[] = [];
  const stream = { write: (chunk: string) => chunks.push(chunk) };
  const discard = { write: () => true };
  const terminal =
    answer === undefined
      ? {}
      : {
          stdin: Object.assign(
            (async function* () {
              chunks.push(`${answer}\n`);
              yield `${answer}\n`;
            })(),
            { isTTY: true },
          ),
        };
  const stderr = answer === undefined ? stream : { ...stream, isTTY: true, columns: 200 };
  const code = await withEnv(endpoint.env(REGION), () =>
    runCli(args, { stdout: quiet ? discard : stream, stderr, ...terminal }),
  );
  // On the simulated terminal the progress bar draws too: it is not part of the example.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the bar's escape sequences
  const printed = chunks.join('').replace(/\u001b7[\s\S]*?\u001b8\u001b\[1G\u001b\[2K/g, '');
  return `$ root-access-key-rule ${shown.join(' ')}\n${printed}$ echo $?\n${code}\n`;
}

async function withEndpoint<T>(world: SimulatedWorld, work: (endpoint: AwsEndpoint) => Promise<T>) {
  const endpoint = await startAwsEndpoint({ world });
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
  ['evaluate', '--accounts', '222222222222', '--role-name', 'RootKeyAudit', '--output', 'asff'],
  ['evaluate', '--accounts', '222222222222', '--role-name', 'RootKeyAudit', '--output', 'ocsf'],
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

/** What the tool says of itself and of arguments it refuses. */
const USAGE: readonly (readonly string[])[] = [
  ['--help'],
  ['evaluate', '--concurrency', '500'],
  ['evaluate', '--accounts', '222222222222'],
  ['evaluate', '--root-without-credentials', 'maybe'],
];

/** Centralized root access: evaluate with root sessions, then remediate (in a scratch directory, for the audit logs). */
const ROOT_ACCESS: readonly (readonly string[])[] = [
  ['evaluate', '--organization', '--assume-root', '--output', 'table'],
  ['remediate', '--organization', '--output', 'table'],
  ['remediate', '--accounts', '222222222222,444444444444', '--output', 'json'],
  ['remediate', '--organization', '--apply', '--yes', '--output', 'table'],
];

/**
 * Plan, review, apply: a dry run writes its plan, which is read, then
 * applied exactly; consent on a terminal; no terminal and no --yes.
 * Run in order on one endpoint (the plan file stays between them).
 */
const PLAN_REVIEW_APPLY: readonly (readonly string[])[] = [
  ['remediate', '--organization', '--plan-file', 'plan.json', '--output', 'table'],
  ['cat', 'plan.json'],
  [
    'remediate',
    '--apply',
    '--plan-file',
    'plan.json',
    '--audit-log',
    'apply.jsonl',
    '--output',
    'table',
    TYPED,
    'yes',
  ],
  ['grep', '-E', '"event":"(consent|intent|delete)"', 'apply.jsonl'],
  ['remediate', '--accounts', '333333333333', '--apply', '--output', 'table', TYPED, 'n'],
  ['remediate', '--organization', '--apply', '--output', 'table'],
];

/** `cat FILE` or `grep -E PATTERN FILE` of a file a run wrote, in the transcript form. */
function fileTranscript(argv: readonly string[]): string {
  const file = argv.at(-1) ?? '';
  const text = readFileSync(file, 'utf8');
  if (argv[0] === 'cat') return `$ cat ${file}\n${text}`;
  const pattern = new RegExp(argv[2] ?? '');
  const lines = text.split('\n').filter((line) => line !== '' && pattern.test(line));
  return `$ grep -E '${argv[2]}' ${file}\n${lines.map((line) => `${line}\n`).join('')}`;
}

/** Every transcript printed, by its command line, for `--write`. */
const transcripts = new Map<string, string>();

async function printAll(world: SimulatedWorld, examples: readonly (readonly string[])[]) {
  await withEndpoint(world, async (endpoint) => {
    for (const argv of examples) {
      endpoint.reset();
      const text =
        argv[0] === 'cat' || argv[0] === 'grep'
          ? fileTranscript(argv)
          : await transcript(endpoint, argv);
      transcripts.set(text.slice(0, text.indexOf('\n')), text);
      process.stdout.write(`${text}\n`);
    }
  });
}

await printAll(smallWorld(), [...USAGE, ...EXAMPLES]);
const scratch = mkdtempSync(join(tmpdir(), 'docs-remediate-'));
const home = process.cwd();
process.chdir(scratch);
try {
  await printAll(rootAccessWorld([]), [['remediate', '--organization']]);
  await printAll(rootAccessWorld(), ROOT_ACCESS);
  await printAll(rootAccessWorld(undefined, true), PLAN_REVIEW_APPLY);
} finally {
  process.chdir(home);
  rmSync(scratch, { recursive: true, force: true });
}
if (WRITE) {
  for (const doc of DOCS) {
    const replaced = updateBlocks(doc, transcripts);
    process.stdout.write(`${doc}: ${replaced.length} examples updated\n`);
  }
}

if (!process.argv.includes('--no-screenshot'))
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
