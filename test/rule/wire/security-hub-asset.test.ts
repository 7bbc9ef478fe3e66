import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SECURITY_HUB_FINDINGS_VARIABLE } from '../../../definition/config.js';
import { packageRoot } from '../../../definition/package-root.js';
import { HANDLER_ASSET_PATH, HANDLER_FILE } from '../../../infra/constructs/handler-asset.js';
import {
  type AwsEndpoint,
  awsError,
  createWorld,
  type SimulatedWorld,
  serverError,
  stall,
  startAwsEndpoint,
  type WorldOptions,
} from '../../../tools/aws-endpoint/index.js';
import { type CommandChild, startChild } from '../../../tools/child-process/parent.js';
import { validateBatchImport } from '../../support/findings-validators/asff.js';
import { EVENT_ACCOUNT, scheduledEvent, sentEvaluation } from './harness.js';

/*
 * Acceptance: the deployable bundle (npm run build), loaded with plain Node as
 * Lambda loads it, with Security Hub findings turned on by its environment as
 * the construct sets it, against the local endpoint.
 */

const BUNDLE = join(packageRoot(), HANDLER_ASSET_PATH, HANDLER_FILE);
const HOST = join(packageRoot(), 'test/support/asset-handler-host.mjs');
const REGION = 'eu-west-1';
const CENTRAL = '999900001111';
const ROLE = 'RootAccessKeyRuleMember';

interface HostAnswer {
  readonly result?: { compliance: string; annotation: string; accountId: string };
  readonly error?: { name: string; message: string };
  readonly logs: string[];
}

interface Deployed {
  readonly world: SimulatedWorld;
  readonly endpoint: AwsEndpoint;
  readonly host: CommandChild;
}

const running: Deployed[] = [];
afterEach(async () => {
  for (const { host, endpoint } of running.splice(0)) {
    await host.close();
    await endpoint.close();
  }
});

async function deploy(options: WorldOptions, findings = true): Promise<Deployed> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  const world = createWorld(options);
  const endpoint = await startAwsEndpoint({ world });
  const nowhere = join(packageRoot(), 'no-such-aws-config');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...endpoint.env(REGION),
    AWS_CONFIG_FILE: nowhere,
    AWS_SHARED_CREDENTIALS_FILE: nowhere,
    ...(findings && { [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' }),
  };
  const host = await startChild(HOST, { args: [BUNDLE], env });
  const deployed = { world, endpoint, host };
  running.push(deployed);
  return deployed;
}

function invoke(deployed: Deployed, event: unknown, remainingMs?: number): Promise<HostAnswer> {
  return deployed.host.request<HostAnswer>('invoke', { event, remainingMs });
}

const keyed = {
  id: EVENT_ACCOUNT,
  rootKeys: { key1: { active: true, lastUsedDate: '2026-11-20', lastUsedService: 'sts' } },
};
const single: WorldOptions = { callerAccountId: EVENT_ACCOUNT, accounts: [keyed] };
const organization: WorldOptions = { callerAccountId: CENTRAL, roleName: ROLE, accounts: [keyed] };
const memberEvent = () => scheduledEvent({ ExecutionRoleName: ROLE });

describe('the deployed function with securityHubFindings', () => {
  it('imports one finding per evaluation, in the account’s session and the rule’s Region', async () => {
    const deployed = await deploy(single);
    const first = await invoke(deployed, scheduledEvent());
    const second = await invoke(deployed, scheduledEvent());

    expect([first.result?.compliance, second.result?.compliance]).toEqual([
      'NON_COMPLIANT',
      'NON_COMPLIANT',
    ]);
    const imports = deployed.world.securityHub.importsBy(EVENT_ACCOUNT);
    expect(imports).toHaveLength(2);
    expect(deployed.world.securityHub.imports).toHaveLength(2);
    expect(imports[0]?.region).toBe(REGION);
    expect(imports[0]?.finding).toMatchObject({
      AwsAccountId: EVENT_ACCOUNT,
      ProductArn: `arn:aws:securityhub:${REGION}:${EVENT_ACCOUNT}:product/${EVENT_ACCOUNT}/default`,
      Description: first.result?.annotation,
      Compliance: { Status: 'FAILED' },
      FindingProviderFields: { Severity: { Label: 'CRITICAL' } },
    });
    expect(imports[0]?.finding.ProductFields).toMatchObject({
      'RootAccessKeyRule/Key1/State': 'Active',
      'RootAccessKeyRule/Key1/LastUsedService': 'sts',
      'RootAccessKeyRule/Key1/LastUsed': '2026-11-20',
    });
    expect(imports[1]?.finding.Id).toBe(imports[0]?.finding.Id);
    for (const entry of imports) {
      expect(validateBatchImport([entry.finding], entry.signingAccountId)).toEqual([]);
    }
  });

  it('names the package version in the finding', async () => {
    const deployed = await deploy(single);
    await invoke(deployed, scheduledEvent());
    const version = (await import('../../../package.json', { with: { type: 'json' } })).default
      .version;

    expect(
      deployed.world.securityHub.imports[0]?.finding.ProductFields as Record<string, string>,
    ).toMatchObject({ 'RootAccessKeyRule/ProductVersion': version });
  });

  it('imports through the member role’s session in organization mode', async () => {
    const deployed = await deploy(organization);
    const answer = await invoke(deployed, memberEvent());

    expect(answer.result?.compliance).toBe('NON_COMPLIANT');
    const imports = deployed.world.securityHub.importsBy(EVENT_ACCOUNT);
    expect(imports).toHaveLength(1);
    expect(imports[0]?.accessKeyId).toMatch(new RegExp(`^ASIA${EVENT_ACCOUNT}`));
    expect(deployed.world.securityHub.importsBy(CENTRAL)).toHaveLength(0);
    expect(validateBatchImport([imports[0]?.finding], EVENT_ACCOUNT)).toEqual([]);
    const imported = deployed.endpoint.calls.find((call) => call.service === 'securityhub');
    const put = deployed.endpoint.calls.find((call) => call.action === 'PutEvaluations');
    expect(imported?.accessKeyId).toBe(put?.accessKeyId);
  });

  it('imports nothing when the feature is off', async () => {
    const deployed = await deploy(single, false);
    const answer = await invoke(deployed, scheduledEvent());

    expect(answer.result?.compliance).toBe('NON_COMPLIANT');
    expect(deployed.endpoint.calls.some((call) => call.service === 'securityhub')).toBe(false);
  });
});

describe('the deployed function keeps the Config result when Security Hub fails', () => {
  async function failing(
    world: WorldOptions,
    fail: (deployed: Deployed) => void,
    event: unknown,
    remainingMs?: number,
  ) {
    const deployed = await deploy(world);
    fail(deployed);
    const answer = await invoke(deployed, event, remainingMs);
    const warnings = answer.logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => String(entry.message).startsWith('Security Hub finding not imported'));
    return { deployed, answer, warnings };
  }

  const cases: [string, (deployed: Deployed) => void, string][] = [
    [
      'denied',
      ({ endpoint }) =>
        endpoint.setDefault('securityhub', 'BatchImportFindings', () =>
          awsError(
            'AccessDeniedException',
            'not authorized to perform securityhub:BatchImportFindings',
            403,
          ),
        ),
      'AccessDenied',
    ],
    [
      'failing with 500',
      ({ endpoint }) =>
        endpoint.setDefault('securityhub', 'BatchImportFindings', () => serverError()),
      'InternalFailure',
    ],
  ];

  it.each(cases)('when Security Hub is %s', async (_case, fail, cause) => {
    const { deployed, answer, warnings } = await failing(single, fail, scheduledEvent());

    expect(answer.error).toBeUndefined();
    expect(answer.result?.compliance).toBe('NON_COMPLIANT');
    expect(sentEvaluation(deployed.endpoint.calls)).toMatchObject({
      ComplianceResourceId: EVENT_ACCOUNT,
      ComplianceType: 'NON_COMPLIANT',
    });
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain(cause);
    expect(deployed.world.securityHub.imports).toHaveLength(0);
  });

  it('when Security Hub is not enabled in the member account', async () => {
    const { deployed, answer, warnings } = await failing(
      { ...organization, securityHub: { disabledAccounts: [EVENT_ACCOUNT] } },
      () => {},
      memberEvent(),
    );

    expect(answer.result?.compliance).toBe('NON_COMPLIANT');
    expect(sentEvaluation(deployed.endpoint.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
    });
    expect(JSON.stringify(warnings)).toContain('InvalidAccessException');
  });

  it('when Security Hub stalls: gives up before the invocation’s end and keeps the result', async () => {
    const started = Date.now();
    const { deployed, answer, warnings } = await failing(
      single,
      ({ endpoint }) => endpoint.setDefault('securityhub', 'BatchImportFindings', () => stall()),
      scheduledEvent(),
      4_000,
    );

    expect(answer.result?.compliance).toBe('NON_COMPLIANT');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sentEvaluation(deployed.endpoint.calls)).toMatchObject({
      ComplianceType: 'NON_COMPLIANT',
    });
    expect(JSON.stringify(warnings[0])).toContain('DeadlineExceededError');
  });
});

describe('the deployed function’s cold load', () => {
  const CHUNK = join(packageRoot(), HANDLER_ASSET_PATH, 'security-hub.js');

  it('neither holds nor loads the Security Hub client until a finding is imported', () => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
    expect(readFileSync(BUNDLE, 'utf8')).not.toContain('AwsSecurityFindingFilters');
    expect(readFileSync(CHUNK, 'utf8')).toContain('AwsSecurityFindingFilters');
    const loaded = spawnSync(
      process.execPath,
      [
        '-e',
        'require(process.argv[1]); process.stdout.write(JSON.stringify(Object.keys(require.cache)))',
        BUNDLE,
      ],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, [SECURITY_HUB_FINDINGS_VARIABLE]: 'true' },
      },
    );
    expect(loaded.status).toBe(0);
    expect(JSON.parse(loaded.stdout)).toEqual([BUNDLE]);
  });
});
