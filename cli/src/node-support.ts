import type { OutputStream } from './io.js';

/** The oldest Node.js major that AWS SDK for JavaScript releases from January 2027 run on. */
export const SDK_MIN_NODE_MAJOR = 22;

/** The SDK's own switch for its Node.js support warning. */
export const SDK_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Before a command that calls AWS: on a Node.js older than the SDK's
 * supported one, replaces the SDK's nine-line warning with one line of the
 * tool's own on stderr (the Node.js version is still the user's to know).
 * A user who turned the SDK's warning off (`AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true`)
 * sees neither.
 */
export function announceNodeSupport(
  stderr: OutputStream,
  env: NodeJS.ProcessEnv = process.env,
  version: string = process.version,
): void {
  if (env[SDK_WARNING_SWITCH] === 'true') return;
  env[SDK_WARNING_SWITCH] = 'true';
  const major = Number(/^v(\d+)\./.exec(version)?.[1]);
  if (!(major < SDK_MIN_NODE_MAJOR)) return;
  stderr.write(
    `note: Node.js ${version}: AWS SDK releases from January 2027 need Node.js ${SDK_MIN_NODE_MAJOR} or newer; results are not affected, but upgrade Node.js to keep getting SDK fixes\n`,
  );
}
