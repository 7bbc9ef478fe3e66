/**
 * `npm run docs:figures [-- --write]`: the build figures docs/deploy.md
 * quotes (the sizes `npm run build` prints, the Lambda asset's size, the
 * bundle minified and zipped), measured from dist/ (run `npm run build`
 * first). Without `--write` it checks: prints each figure that differs from
 * the docs and exits 1 (CI runs it so); with `--write` it puts the measured
 * figures into the docs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { HANDLER_ASSET_PATH, HANDLER_FILE } from '../infra/constructs/handler-asset.js';
import { CLI_BUNDLE_DIR } from './build-settings.js';
import { ROOT } from './consumer/install.js';
import { directoryBytes } from './files.js';

const DOC = join(ROOT, 'docs/deploy.md');
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

/** One figure: where it is in the doc and what it is now. */
interface Figure {
  readonly name: string;
  readonly pattern: RegExp;
  readonly render: (match: RegExpExecArray) => string;
}

function measure(): Figure[] {
  const sizes = Object.fromEntries(
    ['dist/lib', HANDLER_ASSET_PATH, CLI_BUNDLE_DIR].map((dir) => [
      dir,
      directoryBytes(join(ROOT, dir)),
    ]),
  );
  const handler = readFileSync(join(ROOT, HANDLER_ASSET_PATH, HANDLER_FILE));
  // The asset's zip deflates the bundle; its headers add a few hundred bytes.
  const zipped = deflateRawSync(handler, { level: 9 }).length;
  const handlerKib = kib(sizes[HANDLER_ASSET_PATH] ?? 0);
  return [
    ...Object.entries(sizes).map(([dir, bytes]) => ({
      name: `build: ${dir}`,
      pattern: new RegExp(`^build: ${dir}: [\\d.]+ KiB$`, 'm'),
      render: () => `build: ${dir}: ${kib(bytes)} KiB`,
    })),
    {
      name: 'synth: the Lambda asset',
      pattern: /^(synth: asset Function\/Resource\/Code: cdk\.out\/asset\.[0-9a-f]+), [\d.]+ KiB$/m,
      render: (match) => `${match[1]}, ${handlerKib} KiB`,
    },
    {
      name: 'the bundle, minified and zipped',
      pattern: /The bundle \(\d+ KiB minified, \d+ KiB zipped\)/,
      render: () =>
        `The bundle (${Math.round(handler.length / 1024)} KiB minified, ${Math.round(zipped / 1024)} KiB zipped)`,
    },
  ];
}

if (!existsSync(join(ROOT, HANDLER_ASSET_PATH, HANDLER_FILE))) {
  process.stderr.write('docs:figures: dist/ is not built: run "npm run build" first\n');
  process.exit(2);
}
let text = readFileSync(DOC, 'utf8');
let stale = 0;
for (const figure of measure()) {
  const match = figure.pattern.exec(text);
  if (match === null) {
    process.stderr.write(`docs:figures: docs/deploy.md no longer quotes ${figure.name}\n`);
    process.exit(2);
  }
  const fresh = figure.render(match);
  if (match[0] === fresh) continue;
  stale += 1;
  process.stdout.write(`docs/deploy.md: "${match[0]}" is now "${fresh}"\n`);
  text = text.replace(match[0], fresh);
}
if (process.argv.includes('--write')) {
  writeFileSync(DOC, text);
  process.stdout.write(`docs:figures: ${stale} figures updated in docs/deploy.md\n`);
} else if (stale > 0) {
  process.stdout.write('docs:figures: run "npm run docs:figures -- --write" to update them\n');
  process.exitCode = 1;
} else {
  process.stdout.write('docs:figures: docs/deploy.md quotes the build as measured\n');
}
