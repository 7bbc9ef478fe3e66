import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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
    // isolated): tests set environment variables and hold module state.
    pool: 'forks',
    maxWorkers: availableParallelism() + 1,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    allowOnly: false,
    passWithNoTests: false,
  },
});
