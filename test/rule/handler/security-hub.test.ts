import { PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import {
  BatchImportFindingsCommand,
  SecurityHubClient,
  SecurityHubServiceException,
} from '@aws-sdk/client-securityhub';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AsffFinding } from '../../../definition/findings/index.js';
import { createHandler, type FindingImportOutcome } from '../../../rule/src/handler.js';
import { validateBatchImport } from '../../support/findings-validators/asff.js';
import {
  accountSummary,
  configMock,
  context,
  MEMBER,
  putCalls,
  reportFixture,
  scheduledEvent,
  stsMock,
  useHandlerMocks,
} from './support.js';

const securityHubMock = mockClient(SecurityHubClient);
const logs = useHandlerMocks();

beforeEach(() => {
  securityHubMock.reset();
  securityHubMock.on(BatchImportFindingsCommand).resolves({
    FailedCount: 0,
    SuccessCount: 1,
    FailedFindings: [],
  });
});

function findingsHandler(outcomes: FindingImportOutcome[] = []) {
  return createHandler({
    backoff: { baseMs: 1, capMs: 2 },
    sleep: async () => {},
    securityHubFindings: true,
    onFindingImport: (outcome) => outcomes.push(outcome),
  });
}

function imported(): AsffFinding[] {
  return securityHubMock
    .commandCalls(BatchImportFindingsCommand)
    .flatMap((call) => (call.args[0].input.Findings ?? []) as unknown as AsffFinding[]);
}

function hubError(name: string, status: number) {
  return new SecurityHubServiceException({
    name,
    message: `${name} from Security Hub`,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}

describe('handler: Security Hub findings', () => {
  it('imports nothing when the feature is off (the default)', async () => {
    accountSummary(0, 1);
    await createHandler()(scheduledEvent(), context);

    expect(securityHubMock.commandCalls(BatchImportFindingsCommand)).toHaveLength(0);
  });

  it('imports one finding for the evaluated account after PutEvaluations, in the rule’s Region', async () => {
    accountSummary(2, 1);
    reportFixture('root-two-keys');
    const order: string[] = [];
    configMock.on(PutEvaluationsCommand).callsFake(() => {
      order.push('PutEvaluations');
      return { FailedEvaluations: [] };
    });
    securityHubMock.on(BatchImportFindingsCommand).callsFake(() => {
      order.push('BatchImportFindings');
      return { FailedCount: 0, SuccessCount: 1, FailedFindings: [] };
    });
    const outcomes: FindingImportOutcome[] = [];
    const result = await findingsHandler(outcomes)(scheduledEvent(), context);

    expect(result.compliance).toBe('NON_COMPLIANT');
    const [finding] = imported();
    expect(imported()).toHaveLength(1);
    expect(finding).toMatchObject({
      AwsAccountId: '012345678912',
      ProductArn: 'arn:aws:securityhub:us-east-1:012345678912:product/012345678912/default',
      Region: 'us-east-1',
      Description: result.annotation,
      Compliance: { Status: 'FAILED' },
      FindingProviderFields: { Severity: { Label: 'CRITICAL' } },
    });
    expect(finding?.ProductFields['RootAccessKeyRule/Key1/State']).toBeDefined();
    expect(validateBatchImport(imported(), '012345678912')).toEqual([]);
    expect(outcomes).toEqual([{ imported: true }]);
    expect(order).toEqual(['PutEvaluations', 'BatchImportFindings']);
  });

  it('imports a PASSED finding at INFORMATIONAL for a compliant account', async () => {
    accountSummary(0, 1);
    await findingsHandler()(scheduledEvent(), context);

    expect(imported()[0]).toMatchObject({
      Compliance: { Status: 'PASSED' },
      Severity: { Label: 'INFORMATIONAL' },
    });
  });

  it('imports in the member account’s session in cross-account mode', async () => {
    accountSummary(0, 1);
    stsMock.on(AssumeRoleCommand).resolves({
      Credentials: { ...MEMBER, Expiration: new Date(Date.now() + 3_600_000) },
    });
    const signers: string[] = [];
    securityHubMock.on(BatchImportFindingsCommand).callsFake(async (_input, getClient) => {
      const client = getClient() as SecurityHubClient;
      signers.push((await client.config.credentials()).accessKeyId);
      return { FailedCount: 0, SuccessCount: 1, FailedFindings: [] };
    });
    await findingsHandler()(
      scheduledEvent({ ExecutionRoleName: 'RootAccessKeyRuleMember' }),
      context,
    );

    expect(signers).toEqual([MEMBER.AccessKeyId]);
  });

  it('imports nothing in test mode (TESTMODE records nothing)', async () => {
    accountSummary(0, 1);
    await findingsHandler()(scheduledEvent({}, { resultToken: 'TESTMODE' }), context);

    expect(securityHubMock.commandCalls(BatchImportFindingsCommand)).toHaveLength(0);
  });

  it('imports nothing when PutEvaluations fails, and the invocation fails as before', async () => {
    accountSummary(0, 1);
    configMock.on(PutEvaluationsCommand).rejects(new Error('config is down'));

    await expect(findingsHandler()(scheduledEvent(), context)).rejects.toThrow();
    expect(securityHubMock.commandCalls(BatchImportFindingsCommand)).toHaveLength(0);
  });

  it.each([
    ['not enabled', hubError('InvalidAccessException', 401), 'AwsCallError'],
    ['denied', hubError('AccessDeniedException', 403), 'AccessDeniedError'],
    ['throttled', hubError('LimitExceededException', 429), 'AwsCallError'],
    ['failing', hubError('InternalException', 500), 'AwsCallError'],
  ])(
    'keeps the Config result when Security Hub is %s, logs it once and reports it',
    async (_case, error, name) => {
      accountSummary(0, 1);
      securityHubMock.on(BatchImportFindingsCommand).rejects(error);
      const outcomes: FindingImportOutcome[] = [];
      const result = await findingsHandler(outcomes)(scheduledEvent(), context);

      expect(result.compliance).toBe('COMPLIANT');
      expect(putCalls()).toHaveLength(1);
      expect(outcomes).toEqual([
        { imported: false, errorName: expect.stringContaining(name.replace(/Error$/, '')) },
      ]);
      const warnings = logs()
        .entries()
        .filter(
          (entry) =>
            entry.message === 'Security Hub finding not imported; the Config result stands',
        );
      expect(warnings).toHaveLength(1);
      expect(JSON.stringify(warnings[0])).toContain(error.name);
      expect(warnings[0]).toMatchObject({ accountId: '012345678912' });
    },
  );

  it('keeps the Config result when Security Hub refuses the finding', async () => {
    accountSummary(0, 1);
    securityHubMock.on(BatchImportFindingsCommand).resolves({
      FailedCount: 1,
      SuccessCount: 0,
      FailedFindings: [{ Id: 'x', ErrorCode: 'InvalidInput', ErrorMessage: 'bad finding' }],
    });
    const outcomes: FindingImportOutcome[] = [];
    const result = await findingsHandler(outcomes)(scheduledEvent(), context);

    expect(result.compliance).toBe('COMPLIANT');
    expect(outcomes).toEqual([{ imported: false, errorName: 'AwsCallError' }]);
    expect(logs().text()).toContain('bad finding');
  });

  it('gives up on a stalled Security Hub within its own budget and keeps the result', async () => {
    accountSummary(0, 1);
    securityHubMock.on(BatchImportFindingsCommand).callsFake(() => new Promise(() => {}));
    const outcomes: FindingImportOutcome[] = [];
    const handler = createHandler({
      securityHubFindings: true,
      securityHubTimeoutMs: 200,
      onFindingImport: (outcome) => outcomes.push(outcome),
    });
    const started = Date.now();
    const result = await handler(scheduledEvent(), context);

    expect(result.compliance).toBe('COMPLIANT');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcomes).toEqual([{ imported: false, errorName: 'DeadlineExceededError' }]);
  });
});
