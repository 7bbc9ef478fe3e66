import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  preventRootAccessKeysPolicy,
  RootTaskPolicy,
  rootAccessOperatorPolicy,
  rootTaskPolicyArn,
} from '../../definition/root-access.js';

/** The JSON code blocks of a doc, parsed, in order. */
function jsonBlocks(doc: string): unknown[] {
  const text = readFileSync(new URL(`../../docs/${doc}`, import.meta.url), 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((match) => {
    try {
      return [JSON.parse(match[1] ?? '')];
    } catch {
      return [];
    }
  });
}

describe('the policies the docs give', () => {
  it('docs/remediation.md gives the operator policy the package defines, to the letter', () => {
    expect(jsonBlocks('remediation.md')).toContainEqual(rootAccessOperatorPolicy('aws'));
  });

  it('the operator policy allows AssumeRoot on member roots only with the two task policies, and only reads the organization', () => {
    const [sessions, read, names] = rootAccessOperatorPolicy('aws-us-gov').Statement;
    expect(sessions).toEqual({
      Sid: 'RootSessionsForRootAccessKeys',
      Effect: 'Allow',
      Action: 'sts:AssumeRoot',
      Resource: 'arn:aws-us-gov:iam::*:root',
      Condition: {
        ArnEquals: {
          'sts:TaskPolicyArn': [
            rootTaskPolicyArn('aws-us-gov', RootTaskPolicy.Audit),
            rootTaskPolicyArn('aws-us-gov', RootTaskPolicy.Delete),
          ],
        },
      },
    });
    expect(read).toMatchObject({
      Effect: 'Allow',
      Action: [
        'organizations:ListAccounts',
        'iam:ListOrganizationsFeatures',
        'iam:GetAccountSummary',
      ],
    });
    // Read-only: nothing that changes the organization.
    expect(names?.Action).toEqual(
      expect.arrayContaining(['organizations:DescribeAccount', 'organizations:ListRoots']),
    );
    for (const action of (names?.Action ?? []) as string[]) {
      expect(action).toMatch(/^organizations:(Describe|List)/);
    }
    const auditOnly = JSON.stringify(rootAccessOperatorPolicy('aws', true));
    expect(auditOnly).toContain('IAMAuditRootUserCredentials');
    expect(auditOnly).not.toContain('IAMDeleteRootUserCredentials');
  });

  it('docs/organization.md gives the service control policy the deployment attaches', () => {
    expect(jsonBlocks('organization.md')).toContainEqual(preventRootAccessKeysPolicy('aws'));
  });
});
