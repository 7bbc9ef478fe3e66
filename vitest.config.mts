import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** The AWS SDK clients this project depends on, from package.json. */
const manifest = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  devDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
};
const sdkClients = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter(
  (name) => name.startsWith('@aws-sdk/client-'),
);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/temp-dir.global-setup.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    // vitest's default is one worker fewer than the cores: one worker on a
    // 2-core machine, which then runs every file in turn. Many files spend
    // much of their time waiting (the SDK's retry backoff, deadlines, child
    // processes, the browser), so one worker per core plus one keeps the
    // cores busy. Each file still runs in a fresh process of its own (forks,
    // isolated): tests set environment variables, stub SDK clients and hold
    // module state (run with --no-isolate, dozens of tests fail).
    pool: 'forks',
    maxWorkers: availableParallelism() + 1,
    // Every isolated file imports the AWS SDK afresh: hundreds of small
    // modules per client, most of a wire test's import time. Prebundled once
    // per install (node_modules/.vite), each client is a few files to load:
    // a quarter less import time over the unit and wire tests (measured side
    // by side), and about half for the SDK-heaviest folders. The SDK's own
    // packages are inlined so that every import of a client, from a test or
    // from the code under test, gets the one prebundled copy.
    server: { deps: { inline: [/@aws-sdk\//, /@smithy\//] } },
    deps: { optimizer: { ssr: { enabled: true, include: sdkClients } } },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    allowOnly: false,
    passWithNoTests: false,
  },
});
