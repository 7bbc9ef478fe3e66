/**
 * The simulated organization of the centralized root access examples
 * (docs/remediation.md and the `--assume-root` example of docs/cli.md):
 * keys in use, idle and inactive, a clean account, one the caller may not
 * open root sessions in, and (for remediate) one being closed.
 */
import {
  createWorld,
  type RootAccessFeature,
  type SimulatedWorld,
} from '../../tools/aws-endpoint/index.js';

const MANAGEMENT = '111111111111';

/** The organization, with `features` of centralized root access enabled; `closing` adds an account being closed that still holds a key. */
export function rootAccessWorld(
  features: readonly RootAccessFeature[] = ['RootCredentialsManagement', 'RootSessions'],
  closing = false,
): SimulatedWorld {
  return createWorld({
    callerAccountId: MANAGEMENT,
    callerArn: `arn:aws:sts::${MANAGEMENT}:assumed-role/SecurityAdmin/jane`,
    rootAccess: { features },
    accounts: [
      { id: MANAGEMENT, name: 'management' },
      {
        id: '222222222222',
        name: 'payments-prod',
        rootKeys: {
          key1: {
            active: true,
            lastRotated: '2019-03-02T10:00:00Z',
            lastUsedDate: '2026-11-27T09:00:00Z',
            lastUsedService: 'ec2',
            lastUsedRegion: 'eu-west-1',
          },
          key2: { active: false, lastRotated: '2021-05-06T10:00:00Z' },
        },
      },
      {
        id: '333333333333',
        name: 'legacy-batch',
        rootKeys: {
          key1: {
            active: true,
            lastRotated: '2018-01-15T10:00:00Z',
            lastUsedDate: '2026-04-02T09:00:00Z',
          },
        },
      },
      { id: '444444444444', name: 'sandbox' },
      { id: '555555555555', name: 'data-lake', assumeRootDenied: true },
      ...(closing
        ? [
            {
              id: '666666666666',
              name: 'retired',
              status: 'PENDING_CLOSURE' as const,
              rootKeys: { key1: { active: true, lastRotated: '2017-06-01T10:00:00Z' } },
            },
          ]
        : []),
    ],
  });
}
