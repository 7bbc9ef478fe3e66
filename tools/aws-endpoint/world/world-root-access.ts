import { DEFAULT_LAST_ROTATED } from '../credential-report-csv.js';
import { iamResponses } from '../iam-responses.js';
import type { RecordedCall } from '../request.js';
import { awsError, type EndpointResponse } from '../responses.js';
import { stsResponses } from '../sts-responses.js';
import type { SimAccount } from './model.js';
import type { Identity, SimulatedWorld } from './world.js';

/**
 * What each root task policy leaves allowed (SPEC.md §6): every other IAM
 * action is denied to a root session by its task policy.
 */
const TASK_POLICY_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  IAMAuditRootUserCredentials: [
    'GetAccountSummary',
    'ListAccessKeys',
    'GetAccessKeyLastUsed',
    'ListSigningCertificates',
    'GetLoginProfile',
    'ListMFADevices',
    'GetUser',
  ],
  IAMDeleteRootUserCredentials: [
    'DeleteAccessKey',
    'DeleteSigningCertificate',
    'DeleteLoginProfile',
    'DeactivateMFADevice',
    'ListAccessKeys',
    'ListSigningCertificates',
    'GetLoginProfile',
    'ListMFADevices',
    'GetUser',
    'GetAccessKeyLastUsed',
  ],
  IAMCreateRootUserPassword: ['CreateLoginProfile', 'GetLoginProfile'],
};

const TASK_POLICY_ARN = /^arn:(aws[a-z-]*):iam::aws:policy\/root-task\/([A-Za-z]+)$/;
const IAM_TASKS = new Set(Object.keys(TASK_POLICY_ACTIONS));

/** `sts:AssumeRoot`, as AWS allows it: from the management account or delegated admin, into members. */
export function assumeRoot(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse {
  const target = String(call.params.TargetPrincipal ?? '');
  const policyArn = String(call.params['TaskPolicyArn.arn'] ?? '');
  const duration = Number(call.params.DurationSeconds ?? 900);
  if (!Number.isInteger(duration) || duration < 0 || duration > 900) {
    return awsError(
      'ValidationError',
      `1 validation error detected: Value '${String(call.params.DurationSeconds)}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 900`,
    );
  }
  const policy = TASK_POLICY_ARN.exec(policyArn);
  if (!policy || !IAM_TASKS.has(policy[2] ?? '')) {
    return awsError('ValidationError', `TaskPolicyArn ${policyArn} is not a root task policy`);
  }
  const denial = assumeRootDenial(world, identity, target, policy[1] ?? '');
  if (denial !== undefined) {
    return stsResponses.accessDenied(
      `arn:${identity.partition}:iam::${target}:root`,
      identity.arn,
      `sts:AssumeRoot (${denial})`,
    );
  }
  const accessKeyId = world.issueSession({
    accountId: target,
    arn: `arn:${identity.partition}:iam::${target}:root`,
    partition: identity.partition,
    rootTask: policy[2] ?? '',
  });
  return stsResponses.assumeRoot({
    accessKeyId,
    expiration: new Date(Date.now() + duration * 1000),
  });
}

function assumeRootDenial(
  world: SimulatedWorld,
  identity: Identity,
  target: string,
  partition: string,
): string | undefined {
  const access = world.options.rootAccess ?? {};
  const role = access.callerRole ?? 'management';
  if (!identity.isCaller)
    return 'only the management account or the delegated administrator may call it';
  if (role === 'member')
    return 'the caller is neither the management account nor the IAM delegated administrator';
  if (!(access.features ?? []).includes('RootCredentialsManagement')) {
    return 'centralized root access (RootCredentialsManagement) is not enabled';
  }
  if (partition !== identity.partition)
    return `the task policy is not of partition ${identity.partition}`;
  const management = access.managementAccountId ?? world.callerAccountId;
  if (target === management) return 'AssumeRoot cannot target the management account';
  const account = world.organization.find((candidate) => candidate.id === target);
  if (!account || (account.status ?? 'ACTIVE') !== 'ACTIVE')
    return `${target} is not an active member account`;
  if (account.assumeRootDenied) return 'denied by policy';
  return undefined;
}

/**
 * IAM in a root session or for the root-access calls: the task policy's
 * allow list, the root user's keys (ListAccessKeys, GetAccessKeyLastUsed,
 * DeleteAccessKey) and ListOrganizationsFeatures. Undefined for other actions.
 */
export function answerRootAccessIam(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
  account: SimAccount,
): EndpointResponse | undefined {
  if (identity.rootTask !== undefined) {
    const allowed = TASK_POLICY_ACTIONS[identity.rootTask] ?? [];
    if (!allowed.includes(call.action)) {
      return iamResponses.accessDenied(
        `iam:${call.action}`,
        `${identity.arn} (task policy ${identity.rootTask}, which denies every other action explicitly)`,
      );
    }
  }
  switch (call.action) {
    case 'ListOrganizationsFeatures':
      return listFeatures(world, identity);
    case 'ListAccessKeys':
      return listAccessKeys(world, call, identity, account);
    case 'GetAccessKeyLastUsed':
      return lastUsed(world, call, identity, account);
    case 'DeleteAccessKey':
      return deleteKey(world, call, identity, account);
    default:
      return undefined;
  }
}

function listFeatures(world: SimulatedWorld, identity: Identity): EndpointResponse {
  const access = world.options.rootAccess ?? {};
  if (access.featuresError !== undefined)
    return iamResponses.organizationFeatureError(access.featuresError);
  if (!identity.isCaller || (access.callerRole ?? 'management') === 'member') {
    return iamResponses.organizationFeatureError(
      'AccountNotManagementOrDelegatedAdministratorException',
    );
  }
  if (!world.tree.exists)
    return iamResponses.organizationFeatureError('OrganizationNotFoundException');
  return iamResponses.listOrganizationsFeatures(world.tree.id, access.features ?? []);
}

/** Only root sessions have a root user to act on; other callers must name a user. */
function requireRootSession(identity: Identity): EndpointResponse | undefined {
  return identity.rootTask === undefined
    ? awsError('ValidationError', 'Must specify userName when calling with non-User credentials')
    : undefined;
}

/** Root sessions act on the root user, which the calls name by leaving UserName out. */
function rootUserOnly(call: RecordedCall, identity: Identity): EndpointResponse | undefined {
  const refused = requireRootSession(identity);
  if (refused) return refused;
  if (call.params.UserName !== undefined) {
    return iamResponses.accessDenied(
      `iam:${call.action}`,
      `${identity.arn} (a root session acts on the root user only)`,
    );
  }
  return undefined;
}

function keyNotFound(id: string): EndpointResponse {
  return iamResponses.noSuchEntity(`The Access Key with id ${id} cannot be found.`);
}

function listAccessKeys(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
  account: SimAccount,
): EndpointResponse {
  const refused = rootUserOnly(call, identity);
  if (refused) return refused;
  return iamResponses.listAccessKeys(
    world.rootKeys(account).map(({ accessKeyId, key }) => ({
      accessKeyId,
      status: key.active ? 'Active' : 'Inactive',
      createDate: new Date(key.lastRotated ?? DEFAULT_LAST_ROTATED),
    })),
  );
}

function lastUsed(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
  account: SimAccount,
): EndpointResponse {
  const refused = requireRootSession(identity);
  if (refused) return refused;
  const id = String(call.params.AccessKeyId ?? '');
  const found = world.rootKeys(account).find((key) => key.accessKeyId === id);
  if (!found) return keyNotFound(id);
  const { key } = found;
  return iamResponses.getAccessKeyLastUsed({
    ...(key.lastUsedDate === undefined ? {} : { lastUsedDate: new Date(key.lastUsedDate) }),
    ...(key.lastUsedService === undefined ? {} : { serviceName: key.lastUsedService }),
    ...(key.lastUsedRegion === undefined ? {} : { region: key.lastUsedRegion }),
  });
}

function deleteKey(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
  account: SimAccount,
): EndpointResponse {
  const refused = rootUserOnly(call, identity);
  if (refused) return refused;
  const id = String(call.params.AccessKeyId ?? '');
  if (!world.deleteRootKey(account, id)) return keyNotFound(id);
  return iamResponses.deleteAccessKey();
}
