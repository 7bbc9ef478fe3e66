import { definedFields } from '../../../definition/objects.js';
import { credentialReportCsv } from '../credential-report-csv.js';
import { iamResponses, type ReportState } from '../iam-responses.js';
import type { RecordedCall } from '../request.js';
import type { EndpointResponse } from '../responses.js';
import type { CredentialReportError, SimAccount } from './model.js';
import type { Identity, SimulatedWorld } from './world.js';
import { answerRootAccessIam } from './world-root-access.js';

const REPORT_ERRORS: Record<CredentialReportError, () => EndpointResponse> = {
  ReportNotPresent: iamResponses.reportNotPresent,
  ReportExpired: iamResponses.reportExpired,
  ReportInProgress: iamResponses.reportInProgress,
  LimitExceeded: iamResponses.limitExceeded,
  Throttling: iamResponses.throttling,
};

/** IAM as seen from the account whose credentials signed the call. */
export function answerIam(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse | undefined {
  const account = world.account(identity.accountId);
  if (!account) {
    return undefined;
  }
  if (account.deniedActions?.includes(`iam:${call.action}`)) {
    return iamResponses.accessDenied(`iam:${call.action}`, identity.arn);
  }
  const rootAccess = answerRootAccessIam(world, call, identity, account);
  if (rootAccess !== undefined) return rootAccess;
  switch (call.action) {
    case 'GetAccountSummary':
      return iamResponses.getAccountSummary({
        accessKeysPresent:
          (account.rootKeyCount ?? countSlots(account)) - world.deletedKeyCount(account),
        passwordPresent: account.passwordPresent ?? true,
      });
    case 'GenerateCredentialReport':
      return iamResponses.generateCredentialReport(generate(world, account));
    case 'GetCredentialReport':
      return getReport(world, account, identity);
    default:
      return undefined;
  }
}

function countSlots(account: SimAccount): number {
  return (account.rootKeys?.key1 ? 1 : 0) + (account.rootKeys?.key2 ? 1 : 0);
}

function generate(world: SimulatedWorld, account: SimAccount): ReportState {
  const progress = world.reportProgress(account);
  if (progress.phase === 'absent') {
    progress.phase = 'generating';
    progress.remaining = account.credentialReport?.notReadyPolls ?? 1;
    return 'STARTED';
  }
  if (progress.phase === 'generating') {
    return advance(progress) ? 'COMPLETE' : 'INPROGRESS';
  }
  return 'COMPLETE';
}

function getReport(
  world: SimulatedWorld,
  account: SimAccount,
  identity: Identity,
): EndpointResponse {
  const progress = world.reportProgress(account);
  const report = account.credentialReport;
  const scriptedError = report?.getErrors?.[progress.gets];
  progress.gets += 1;
  if (scriptedError) {
    return REPORT_ERRORS[scriptedError]();
  }
  if (progress.phase === 'absent') {
    return iamResponses.reportNotPresent();
  }
  if (progress.phase === 'generating' && !advance(progress)) {
    return iamResponses.reportInProgress();
  }
  const csv = credentialReportCsv(
    definedFields({
      accountId: account.id,
      partition: identity.partition,
      root: world.remainingKeySlots(account),
      users: report?.users,
    }),
  );
  return iamResponses.getCredentialReport(csv, report?.generatedTime ?? world.options.now);
}

/** Counts one unfinished poll; true once the report is ready. */
function advance(progress: { phase: string; remaining: number }): boolean {
  if (progress.remaining <= 0) {
    progress.phase = 'ready';
    return true;
  }
  progress.remaining -= 1;
  return false;
}
