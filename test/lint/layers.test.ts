import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIOME = join(
  dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')),
  'bin/biome',
);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'layers-'));
  copyFileSync(join(ROOT, 'biome.json'), join(work, 'biome.json'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Lints a one-import file at `path` with the project's Biome configuration; the rules it broke. */
function lintImport(path: string, specifier: string): string[] {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), `import { x } from '${specifier}';\n\nexport const y = x;\n`);
  const result = spawnSync(process.execPath, [BIOME, 'lint', '--vcs-enabled=false', path], {
    cwd: work,
    encoding: 'utf8',
  });
  return [...new Set(`${result.stdout}${result.stderr}`.match(/lint\/\w+\/\w+/g) ?? [])];
}

describe('layers, enforced by lint', () => {
  it.each([
    ['rule/src/core/a.ts', '@aws-sdk/client-iam'],
    ['rule/src/core/b.ts', '../aws/errors.js'],
    ['rule/src/core/c.ts', 'aws-cdk-lib'],
    ['rule/src/d.ts', 'constructs'],
    ['rule/src/aws/e.ts', '../../../infra/settings.js'],
    ['cli/src/f.ts', 'aws-cdk-lib'],
    ['cli/src/commands/g.ts', 'aws-cdk-lib/aws-lambda'],
    ['cli/src/h.ts', '../../infra/settings.js'],
    ['definition/i.ts', '@aws-sdk/client-sts'],
    ['definition/j.ts', '../rule/src/core/arn.js'],
    ['definition/k.ts', 'cdk-nag'],
    ['infra/constructs/l.ts', 'cdk-nag'],
    ['infra/organization/m.ts', '../app/build-app.js'],
    ['infra/n.ts', '../cli/src/main.js'],
    ['definition/t.ts', '../aws/errors.js'],
    ['aws/u.ts', '../rule/src/core/errors.js'],
    ['aws/v.ts', '../cli/src/errors.js'],
    ['aws/w.ts', 'aws-cdk-lib'],
    ['cli/src/x.ts', '../../rule/src/aws/root-access-keys.js'],
    ['cli/src/commands/evaluate/y.ts', '../../../../rule/src/core/facts.js'],
    ['cli/src/ak.ts', '../../rule/src/evaluate-account.js'],
    ['cli/src/z.ts', '../../tools/aws-endpoint/index.js'],
    ['rule/src/aa.ts', '../../soak/run.js'],
    ['infra/ab.ts', '../bench/run.js'],
    ['definition/ac.ts', '../scripts/files.js'],
    ['aws/ad.ts', '../test/support/fixtures.js'],
    ['detection/src/core/t.ts', '@aws-sdk/client-sns'],
    ['detection/src/core/u.ts', '../aws/publish-alert.js'],
    ['detection/src/v.ts', 'aws-cdk-lib'],
    ['detection/src/al.ts', '../../cli/src/rule-names.js'],
    ['detection/src/am.ts', '../../rule/src/core/arn.js'],
    ['detection/src/an.ts', '../../tools/aws-endpoint/index.js'],
  ])('refuses in %s an import of %s', (path, specifier) => {
    expect(lintImport(path, specifier)).toContain('lint/style/noRestrictedImports');
  });

  it.each([
    ['rule/src/aws/o.ts', '@aws-sdk/client-iam'],
    ['rule/src/core/p.ts', '../../../definition/names.js'],
    ['cli/src/q.ts', '../../definition/names.js'],
    ['infra/constructs/r.ts', 'aws-cdk-lib'],
    ['infra/app/s.ts', 'cdk-nag'],
    ['cli/src/commands/evaluate/ae.ts', '../../../../rule/src/index.js'],
    ['cli/src/af.ts', '../../aws/errors.js'],
    ['cli/src/aj.ts', '../../rule/src/core/index.js'],
    ['rule/src/ag.ts', '../../aws/deadline.js'],
    ['aws/ah.ts', '../definition/errors.js'],
    ['aws/ai.ts', '@aws-sdk/client-sts'],
    ['detection/src/aws/w.ts', '@aws-sdk/client-sns'],
    ['detection/src/ao.ts', '../../rule/src/core/index.js'],
    ['detection/src/ap.ts', '../../aws/deadline.js'],
  ])('allows in %s an import of %s', (path, specifier) => {
    expect(lintImport(path, specifier)).toEqual([]);
  });
});
