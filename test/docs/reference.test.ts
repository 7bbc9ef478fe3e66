import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../cli/src/program.js';
import { ContextKey, ORGANIZATION_CONTEXT_KEYS } from '../../infra/app/context-keys.js';
import { captureIo } from '../cli/capture-io.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

/**
 * What the first cells of a Markdown table's rows name in code spans, each
 * span's first word: `| \`--accounts ID\` / \`--organization\` |` → both flags.
 */
function tableKeys(text: string): Set<string> {
  const cells = [...text.matchAll(/^\|((?:\\\||[^|\n])*)\|/gm)].map((match) => match[1] ?? '');
  return new Set(
    cells.flatMap((cell) => [...cell.matchAll(/`([^`\s]+)[^`]*`/g)].map((span) => span[1] ?? '')),
  );
}

/** A doc's text from a heading to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
  const level = heading.indexOf(' ');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`no heading "${heading}"`);
  const rest = text.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

const allKeys = Object.values(ContextKey);
const accountKeys = allKeys.filter((key) => !ORGANIZATION_CONTEXT_KEYS.includes(key));

describe('the context keys the docs give', () => {
  it("docs/deploy.md's Settings table has a row for every key of a single-account deployment", () => {
    const rows = tableKeys(section(read('docs/deploy.md'), '## Settings'));
    expect(accountKeys.filter((key) => !rows.has(key))).toEqual([]);
  });

  it("docs/organization.md's tables have a row for every key of an organization deployment", () => {
    const rows = tableKeys(read('docs/organization.md'));
    expect(ORGANIZATION_CONTEXT_KEYS.filter((key) => !rows.has(key))).toEqual([]);
  });

  it("the README names every single-account key (the organization's are in organization.md)", () => {
    const readme = section(read('README.md'), '## Deploy to one account');
    expect(accountKeys.filter((key) => !readme.includes(`\`${key}\``))).toEqual([]);
  });

  it('every "allowed keys" list the docs quote is the full list, in the order the app prints it', () => {
    const quoted = ['README.md', 'docs/deploy.md', 'docs/organization.md'].flatMap((doc) =>
      [...read(doc).matchAll(/allowed keys: ([a-zA-Z, ]+)/g)].map((match) => match[1]),
    );
    expect(quoted.length).toBeGreaterThan(0);
    for (const list of quoted) expect(list).toBe(allKeys.join(', '));
  });
});

describe('the command-line options the docs give', () => {
  const program = createProgram(captureIo(), () => undefined);
  const cli = read('docs/cli.md');
  const longFlags = (options: readonly { long?: string }[]) =>
    options
      .map((option) => option.long ?? '')
      .filter((flag) => !['--help', '--version'].includes(flag));

  it('docs/cli.md documents every global option in a table', () => {
    const rows = tableKeys(section(cli, '## Credentials and Region'));
    expect(longFlags(program.options).filter((flag) => !rows.has(flag))).toEqual([]);
  });

  it.each(program.commands.map((command) => [command.name(), command] as const))(
    "docs/cli.md's section of %s documents each of its options in a table",
    (name, command) => {
      const rows = tableKeys(section(cli, `## ${name}`));
      // Each command declares the global options again (with its own --output
      // choices); they are documented once, under Credentials and Region.
      const global = new Set(longFlags(program.options));
      const own = longFlags(command.options).filter((flag) => !global.has(flag));
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((flag) => !rows.has(flag))).toEqual([]);
    },
  );
});
