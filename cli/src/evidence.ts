import type { IAMClient } from '@aws-sdk/client-iam';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { Deadline } from '../../aws/backoff.js';
import { packageManifest } from '../../definition/package-root.js';
import { describeOrganization } from './aws/organization-info.js';
import { describeError } from './errors.js';
import type { Evidence, EvidenceRootAccess } from './evidence-types.js';
import type { CallerIdentity } from './identity.js';
import { readRootAccessState } from './root-access/organizations-features.js';
import { rootAccessFeatures } from './root-access/root-access-state.js';

/**
 * Gathers the evidence header: the organization's id and the centralized
 * root access state, read at once. Never throws: what cannot be read says why.
 */
export async function readEvidence(
  clients: {
    readonly org: OrganizationsClient;
    readonly iam: IAMClient;
    /** Bounds every call. @default unbounded */
    readonly deadline?: Deadline | undefined;
  },
  caller: CallerIdentity,
  startedAt: Date,
  aggregator?: { readonly name: string; readonly region: string },
): Promise<Evidence> {
  const [organization, rootAccess] = await Promise.all([
    describeOrganization(clients.org, clients.deadline).then(
      (info) => ({ organizationId: info.id }),
      (error: unknown) => ({ organizationNote: describeError(error) }),
    ),
    readRootAccess(clients.iam, clients.deadline),
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

async function readRootAccess(
  iam: IAMClient,
  deadline: Deadline | undefined,
): Promise<EvidenceRootAccess> {
  const state = await readRootAccessState(iam, deadline);
  return { ...state, text: rootAccessFeatures(state) };
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
