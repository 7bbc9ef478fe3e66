import {
  type AggregateEvaluation,
  createWorld,
  type SimConfigRule,
  type SimulatedWorld,
} from '../../tools/aws-endpoint/index.js';

/** Accounts of {@link evidenceWorld}, by what their results show. */
export const EVIDENCE_ACCOUNTS = {
  /** The caller's account: a current COMPLIANT result of the pack's rule. */
  management: '111111111111',
  /** COMPLIANT, recorded 47 hours before the world's clock: inside 48h, outside 36h. */
  recent: '200000000001',
  /** COMPLIANT, recorded 49 hours before: outside 48h, inside 3d. */
  dayOld: '200000000002',
  /** COMPLIANT, recorded on 2025-01-15: the rule stopped evaluating long ago. */
  frozen: '200000000003',
  /** The pack failed here; the account's own rules report COMPLIANT in ap-south-2 and under the bare name. */
  packFailed: '200000000004',
  /** The pack deployed; the only result is a same-named rule in another Region. */
  otherRegion: '200000000005',
  /** Two rules named like the pack's rule in the pack's Region: a member's own pack beside the real one. */
  twoClaimants: '200000000006',
} as const;

/** The clock of the world: the `Date` header of every successful answer. */
export const EVIDENCE_NOW = new Date('2026-11-28T12:00:00Z');
/** The pack's rule in each member account. */
export const PACK_RULE = 'root-access-key-rule-conformance-pack-abc123de';

const HOUR = 3_600_000;

function result(
  accountId: string,
  recorded: Date,
  options: Partial<Pick<AggregateEvaluation, 'region' | 'ruleName' | 'complianceType'>> = {},
): AggregateEvaluation {
  return {
    accountId,
    region: options.region ?? 'eu-west-1',
    ruleName: options.ruleName ?? PACK_RULE,
    complianceType: options.complianceType ?? 'COMPLIANT',
    annotation: 'No root access key exists.',
    resultRecordedTime: recorded,
  };
}

/**
 * An organization conformance pack deployed from the management account in
 * eu-west-1, and results an auditor must not take at face value: old ones,
 * one from a member's own rule in another Region where the pack failed, one
 * from another Region where it deployed, and two rules claiming to be the
 * pack's in one account.
 */
export function evidenceWorld(configRules: readonly SimConfigRule[] = []): SimulatedWorld {
  const a = EVIDENCE_ACCOUNTS;
  const ago = (hours: number) => new Date(EVIDENCE_NOW.getTime() - hours * HOUR);
  return createWorld({
    now: EVIDENCE_NOW,
    callerAccountId: a.management,
    configRules,
    accounts: Object.values(a).map((id) => ({ id, name: `account-${id}` })),
    aggregators: [
      {
        name: 'org',
        evaluations: [
          result(a.management, ago(6)),
          result(a.recent, ago(47)),
          result(a.dayOld, ago(49)),
          result(a.frozen, new Date('2025-01-15T10:00:00Z')),
          result(a.packFailed, ago(2), { region: 'ap-south-2' }),
          result(a.packFailed, ago(2), { ruleName: 'root-access-key-rule' }),
          result(a.otherRegion, ago(2), { region: 'us-east-1' }),
          result(a.twoClaimants, ago(2)),
          result(a.twoClaimants, ago(2), {
            ruleName: 'root-access-key-rule-conformance-pack-zz999999',
            complianceType: 'COMPLIANT',
          }),
        ],
      },
    ],
    conformancePacks: [
      {
        name: 'root-access-key-rule',
        statuses: [
          ...[a.management, a.recent, a.dayOld, a.frozen, a.otherRegion, a.twoClaimants].map(
            (accountId) => ({ accountId, status: 'CREATE_SUCCESSFUL' as const }),
          ),
          {
            accountId: a.packFailed,
            status: 'CREATE_FAILED',
            errorCode: 'NoAvailableConfigurationRecorder',
            errorMessage: 'Config recorder is not available in the member account.',
          },
        ],
      },
    ],
  });
}
