import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['test/support/temp-dir.global-setup.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    allowOnly: false,
    passWithNoTests: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/infra/**'],
        },
      },
      {
        // The CDK tests share their workers' modules: each worker loads
        // aws-cdk-lib and initializes its template validator (WebAssembly,
        // seconds) once instead of once per file. They keep no global state:
        // no environment, mocks or timers.
        extends: true,
        test: {
          name: 'cdk',
          include: ['test/infra/**/*.test.ts'],
          isolate: false,
        },
      },
    ],
  },
});
