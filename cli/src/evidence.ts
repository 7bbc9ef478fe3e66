import type { IAMClient } from '@aws-sdk/client-iam';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { packageManifest } from '../../definition/package-root.js';
import { errorName } from '../../rule/src/aws/errors.js';
import { describeOrganization } from './aws/organization-info.js';
import { listOrganizationsFeatures } from './aws/organizations-features.js';
import { describeError } from './errors.js';
import type { Evidence, RootAccessState } from './evidence-types.js';
import type { CallerIdentity } from './identity.js';

/** The two features of centralized root access, in the order they are shown. */
const ROOT_ACCESS_FEATURES = ['RootCredentialsManagement', 'RootSessions'] as const;

/**
 * Gathers the evidence header: the organization's id and the centralized
 * root access state, read at once. Never throws: what cannot be read says why.
 */
export async function readEvidence(
  clients: { readonly org: OrganizationsClient; readonly iam: IAMClient },
  caller: CallerIdentity,
  startedAt: Date,
  aggregator?: { readonly name: string; readonly region: string },
): Promise<Evidence> {
  const [organization, rootAccess] = await Promise.all([
    describeOrganization(clients.org).then(
      (info) => ({ organizationId: info.id }),
      (error: unknown) => ({ organizationNote: describeError(error) }),
    ),
    readRootAccess(clients.iam),
  ]);
  const manifest = packageManifest();
  return {
    generatedAt: startedAt.toISOString(),
    callerArn: caller.arn,
    callerAccountId: caller.accountId,
    ...organization,
    ...(aggregator && { aggregator }),
    toolName: manifest.name,
    toolVersion: manifest.version,
    rootAccess,
  };
}

async function readRootAccess(iam: IAMClient): Promise<RootAccessState> {
  try {
    const { enabledFeatures } = await listOrganizationsFeatures(iam);
    const text = ROOT_ACCESS_FEATURES.map(
      (feature) => `${feature} ${enabledFeatures.includes(feature) ? 'on' : 'off'}`,
    ).join(', ');
    return { readable: true, enabledFeatures, text };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    if (/^ServiceAccessNotEnabled/.test(errorName(cause))) {
      return {
        readable: true,
        enabledFeatures: [],
        text: 'off (trusted access for IAM is not enabled in Organizations)',
      };
    }
    return { readable: false, enabledFeatures: [], text: `not readable: ${describeError(error)}` };
  }
}

/** The evidence as lines of text, for the head of a table. */
export function evidenceLines(evidence: Evidence): string[] {
  const organization =
    evidence.organizationId ?? `unknown (${evidence.organizationNote ?? 'not read'})`;
  return [
    `Generated ${evidence.generatedAt} by ${evidence.callerArn} with ${evidence.toolName} ${evidence.toolVersion}`,
    `Organization: ${organization}`,
    ...(evidence.aggregator
      ? [`Aggregator: ${evidence.aggregator.name} (${evidence.aggregator.region})`]
      : []),
    `Centralized root access: ${evidence.rootAccess.text}`,
  ];
}
