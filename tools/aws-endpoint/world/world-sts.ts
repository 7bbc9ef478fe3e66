import type { RecordedCall } from '../request.js';
import { awsError, type EndpointResponse } from '../responses.js';
import { stsResponses } from '../sts-responses.js';
import type { Identity, SimulatedWorld } from './world.js';
import { assumeRoot } from './world-root-access.js';

const ROLE_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*):iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]+)$/;

/** STS: GetCallerIdentity, AssumeRole and AssumeRoot into the organization's accounts. */
export function answerSts(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse | undefined {
  switch (call.action) {
    case 'GetCallerIdentity':
      return stsResponses.getCallerIdentity({ account: identity.accountId, arn: identity.arn });
    case 'AssumeRole':
      return assumeRole(world, call, identity);
    case 'AssumeRoot':
      return assumeRoot(world, call, identity);
    default:
      return undefined;
  }
}

function assumeRole(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse {
  const roleArn = String(call.params.RoleArn ?? '');
  const sessionName = String(call.params.RoleSessionName ?? '');
  const match = ROLE_ARN.exec(roleArn);
  if (!match || sessionName === '') {
    return awsError(
      'ValidationError',
      `RoleArn "${roleArn}" is not a role ARN or RoleSessionName "${sessionName}" is empty`,
    );
  }
  const [, partition = 'aws', accountId = '', roleName = ''] = match;
  const account = world.account(accountId);
  const wrongRole = world.options.roleName !== undefined && world.options.roleName !== roleName;
  if (!account || account.assumeRoleDenied || account.status === 'SUSPENDED' || wrongRole) {
    return stsResponses.accessDenied(roleArn, identity.arn);
  }
  const arn = `arn:${partition}:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
  const accessKeyId = world.issueSession({ accountId, arn, partition });
  const duration = Number(call.params.DurationSeconds ?? 3600);
  return stsResponses.assumeRole({
    roleArn,
    sessionName,
    accessKeyId,
    expiration: new Date(Date.now() + duration * 1000),
  });
}
