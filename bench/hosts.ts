import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AwsEndpoint,
  type SimulatedWorld,
  startAwsEndpoint,
} from '../tools/aws-endpoint/index.js';
import { type CommandChild, startChild } from '../tools/child-process/parent.js';
import { cleanEnv } from './cold-load.js';
import { BENCH } from './scenario.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Starts the local endpoint (in this process) over `world`, answering after `latencyMs`. */
export function startEndpoint(world: SimulatedWorld, latencyMs = 0): Promise<AwsEndpoint> {
  return startAwsEndpoint({ world, latencyMs });
}

/**
 * The environment of a child that talks to `endpoint` only: the endpoint's
 * URLs, base credentials and Region, and no shared config files, so nothing
 * on this machine leaks in.
 */
export function childEnv(endpoint: AwsEndpoint): NodeJS.ProcessEnv {
  const nowhere = join(HERE, 'no-such-aws-config');
  return cleanEnv({
    ...endpoint.env(BENCH.region),
    AWS_CONFIG_FILE: nowhere,
    AWS_SHARED_CREDENTIALS_FILE: nowhere,
  });
}

/**
 * A separate plain-Node process that loads the deployable bundle and invokes
 * its handler on request (see handler-host.mjs), talking to `endpoint` over
 * 127.0.0.1: the endpoint's work does not run on the handler's thread.
 */
export function startHandlerHost(bundleFile: string, endpoint: AwsEndpoint): Promise<CommandChild> {
  return startChild(join(HERE, 'handler-host.mjs'), {
    args: [bundleFile],
    env: childEnv(endpoint),
  });
}

/** A separate process running the command-line tool's commands in-process (see cli-host.ts). */
export function startCliHost(endpoint: AwsEndpoint): Promise<CommandChild> {
  return startChild(join(HERE, 'cli-host.ts'), {
    execArgv: ['--import', import.meta.resolve('tsx')],
    env: childEnv(endpoint),
  });
}
