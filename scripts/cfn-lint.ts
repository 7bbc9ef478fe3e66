/**
 * `npm run lint:cfn [-- --dir cdk.out]`: lints every stack template of the
 * last synth with cfn-lint (AWS's CloudFormation linter), and the templates
 * embedded in them (the member-role StackSet's body, the conformance packs'
 * bodies), written out to `<dir>/cfn-lint/`. Fails on any error and on any
 * warning not listed with its reason in scripts/cfn-lint/known-findings.ts;
 * prints the known ones. Needs the `cfn-lint` command (`pip install cfn-lint`).
 *
 * Exit codes: 0 clean, 1 findings, 2 the lint could not run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { embeddedTemplates, parseEnvironment, type Template } from './cfn-lint/embedded.js';
import { KNOWN_FINDINGS, type KnownFinding } from './cfn-lint/known-findings.js';

interface Finding {
  readonly Filename: string;
  readonly Level: 'Error' | 'Warning' | 'Informational';
  readonly Message: string;
  readonly Rule: { readonly Id: string };
  readonly Location: {
    readonly Path: readonly (string | number)[];
    readonly Start: { readonly LineNumber: number };
  };
}

interface Linted {
  readonly file: string;
  readonly template: Template;
}

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'cdk.out' } } });
const dir = values.dir;

function fail(message: string, code: number): never {
  process.stderr.write(`lint:cfn: ${message}\n`);
  process.exit(code);
}

/** Writes each stack's template and its embedded templates to `<dir>/cfn-lint/`. */
function collect(): { files: Linted[]; regions: Set<string> } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    artifacts?: Record<
      string,
      { type: string; environment: string; properties: { templateFile: string } }
    >;
  };
  const out = join(dir, 'cfn-lint');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files: Linted[] = [];
  const regions = new Set<string>();
  for (const [name, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const file = join(dir, artifact.properties.templateFile);
    const template = JSON.parse(readFileSync(file, 'utf8')) as Template;
    const env = parseEnvironment(artifact.environment);
    regions.add(env.region);
    files.push({ file, template });
    for (const embedded of embeddedTemplates(template, env)) {
      const target = join(out, `${name}.${embedded.logicalId}.${embedded.kind}.${embedded.format}`);
      writeFileSync(target, embedded.body);
      files.push({ file: target, template: {} });
    }
  }
  if (files.length === 0) fail(`no stack in ${dir}/manifest.json: run "npm run synth" first`, 2);
  return { files, regions };
}

function known(finding: Finding, linted: Linted[]): KnownFinding | undefined {
  const [section, logicalId, part] = finding.Location.Path;
  if (section !== 'Resources' || typeof logicalId !== 'string') return undefined;
  const template = linted.find((entry) => entry.file === finding.Filename)?.template;
  const type = template?.Resources?.[logicalId]?.Type;
  return KNOWN_FINDINGS.find(
    (entry) =>
      entry.rule === finding.Rule.Id && entry.resourceType === type && entry.section === part,
  );
}

const { files, regions } = collect();
const result = spawnSync(
  'cfn-lint',
  ['--format', 'json', '--regions', ...regions, '--', ...files.map((entry) => entry.file)],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (result.error !== undefined) {
  fail(`cannot run cfn-lint (${result.error.message}): install it with "pip install cfn-lint"`, 2);
}
let findings: Finding[];
try {
  findings = JSON.parse(result.stdout || '[]') as Finding[];
} catch {
  fail(`cfn-lint printed no JSON (exit ${result.status}): ${result.stderr.trim()}`, 2);
}

const where = (finding: Finding) => `${finding.Filename}:${finding.Location.Start.LineNumber}`;
let failing = 0;
for (const finding of findings) {
  const accepted = finding.Level === 'Error' ? undefined : known(finding, files);
  if (accepted === undefined && finding.Level !== 'Informational') failing += 1;
  const label = accepted === undefined ? finding.Level.toUpperCase() : `known (${accepted.cause})`;
  process.stdout.write(`${label} ${finding.Rule.Id} ${where(finding)}: ${finding.Message}\n`);
  if (accepted !== undefined) process.stdout.write(`  why: ${accepted.reason}\n`);
}
process.stdout.write(
  `lint:cfn: ${files.length} templates (${files.map((entry) => entry.file).join(', ')}): ${failing} failing, ${findings.length - failing} known or informational\n`,
);
process.exit(failing === 0 ? 0 : 1);
