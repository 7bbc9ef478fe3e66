import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  type AwsEndpoint,
  generateAggregateEvaluations,
  generatedAccountId,
  startAwsEndpoint,
  type WorldOptions,
  withEnv,
} from '../../../../tools/aws-endpoint/index.js';
import { switchableWorld } from '../../../support/switchable-world.js';
import { type CliRun, run } from '../../capture-io.js';

/**
 * An organization for the stall tests: the management account and four
 * members, centralized root access on, a member role, root keys in one
 * member, and an aggregator holding the rule's results of the members.
 */
export const MANAGEMENT = '111111111111';
export const ROLE = 'RootKeyAudit';
export const FIRST_MEMBER = 222_222_222_222;
export const MEMBERS = [0, 1, 2, 3].map((index) => generatedAccountId(index, FIRST_MEMBER));
export const AGGREGATOR = 'org';

/** The `--timeout` of every stall test, and its text in messages. */
export const TIMEOUT = '3s';
export const TIMEOUT_MS = 3000;
/** What every message about the time limit says. */
export const RAN_OUT = "the command's time limit (--timeout 3s) ran out";

const organization = (): WorldOptions => ({
  callerAccountId: MANAGEMENT,
  callerArn: `arn:aws:iam::${MANAGEMENT}:role/security-admin`,
  roleName: ROLE,
  rootAccess: { features: ['RootCredentialsManagement', 'RootSessions'] },
  accounts: [
    { id: MANAGEMENT, name: 'management' },
    ...MEMBERS.map((id, index) => ({
      id,
      name: `member-${index}`,
      ...(index === 0
        ? { rootKeys: { key1: { active: true, lastUsedDate: '2026-01-01T00:00:00Z' } } }
        : {}),
    })),
  ],
  aggregators: [
    {
      name: AGGREGATOR,
      evaluations: generateAggregateEvaluations({
        accountCount: MEMBERS.length,
        firstAccountId: FIRST_MEMBER,
        nonCompliantEvery: 0,
        // Current results (report counts none older than its maximum age), by the machine's clock.
        recordedAt: new Date(Date.now() - 3_600_000),
      }),
    },
  ],
});

/**
 * Starts the endpoint for a test file and resets it before each test.
 * `customize` changes the organization (the same for every test of the file).
 */
export function stallEndpoint(
  customize: (world: WorldOptions) => WorldOptions = (world) => world,
): {
  readonly endpoint: () => AwsEndpoint;
} {
  const world = switchableWorld(customize(organization()));
  let endpoint: AwsEndpoint | undefined;
  beforeAll(async () => {
    endpoint = await startAwsEndpoint({ world: world.answerer });
    // A first run loads the commands and the SDK, so that each test times the command alone.
    await withEnv(endpoint.env(), () => run(['evaluate', '--output', 'json']));
  });
  afterAll(() => endpoint?.close());
  beforeEach(() => {
    world.use(customize(organization()));
    endpoint?.reset();
  });
  return {
    endpoint: () => {
      if (endpoint === undefined) throw new Error('the endpoint is not started');
      return endpoint;
    },
  };
}

/** A run of the tool and how long it took. */
export interface TimedRun extends CliRun {
  readonly ms: number;
}

/** Runs the tool in-process against `endpoint`, timing it. */
export async function timedRun(endpoint: AwsEndpoint, argv: readonly string[]): Promise<TimedRun> {
  const started = performance.now();
  const result = await withEnv(endpoint.env(), () => run(argv));
  return { ...result, ms: performance.now() - started };
}

/** The JSON rows a run printed. */
export function rowsOf(result: CliRun): Array<Record<string, unknown>> {
  return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
}

/**
 * Ended by the time limit: not before it, and soon after it (the margin is
 * for a loaded machine; a stall not bounded would take 10 s or more).
 */
export const ENDED_AFTER_THE_LIMIT = { min: TIMEOUT_MS - 50, max: TIMEOUT_MS + 2500 } as const;
