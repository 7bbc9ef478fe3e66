/** What `npm run build` produces where, for the build script, the bench and the tests. */

/** The esbuild target of the Lambda handler: the runtime the function deploys on. */
export const HANDLER_BUNDLE_TARGET = 'node24';

/** Where the command-line tool's bundle goes. */
export const CLI_BUNDLE_DIR = 'dist/cli';

/** The tool's bundle entries: the program, and the API of `root-access-key-rule/cli`. */
export const CLI_ENTRIES = {
  main: 'cli/src/main.ts',
  index: 'cli/src/index.ts',
} as const;
