import {
  type AwsEndpoint,
  awsError,
  type CallHandler,
  configResponses,
  connectionReset,
  type EndpointResponse,
  Framing,
  garbage,
  httpStatus,
  iamResponses,
  type Responder,
  type ServiceName,
  serverError,
  stall,
  stsResponses,
  truncated,
  type WireEvaluation,
  withDelay,
} from '../tools/aws-endpoint/index.js';
import { type Fault, FaultKind, type Target } from './cases.js';
import type { SoakWorld } from './world.js';

/** Queues every fault of a case on the endpoint, ahead of the world's answers. */
export function scriptFaults(
  endpoint: AwsEndpoint,
  world: SoakWorld,
  faults: readonly Fault[],
): void {
  for (const fault of faults) {
    const [service, action] = fault.target.split(':') as [ServiceName, string];
    const responders = Array.from({ length: fault.count }, (_, index) =>
      responderOf(fault, world, index),
    );
    endpoint.script(service, action, ...responders);
  }
}

/** The proper answer to a call, not counted as evidence (a fault is about to spoil it). */
function proper(world: SoakWorld, call: Parameters<CallHandler>[0]): EndpointResponse {
  return world.answer(call, { record: false }) ?? awsError('InternalFailure', 'no answer', 500);
}

function responderOf(fault: Fault, world: SoakWorld, index: number): Responder {
  const detail = (fault.detail + index * 0.618_034) % 1;
  switch (fault.kind) {
    case FaultKind.Throttle:
      return throttling(fault.target);
    case FaultKind.ServerError:
      return serverError(detail < 0.5 ? 500 : 503);
    case FaultKind.Bare5xx:
      return httpStatus(detail < 0.5 ? 502 : 504, '<html><body>Gateway error</body></html>');
    case FaultKind.Reset:
      return connectionReset();
    case FaultKind.Stall:
      return stall();
    case FaultKind.Truncated:
      return (call) => {
        const answer = proper(world, call);
        if (answer.kind !== 'http' && answer.kind !== 'error') return answer;
        const length = answer.kind === 'http' ? Buffer.byteLength(answer.body) : 200;
        return truncated(
          answer,
          Math.floor(detail * length),
          detail < 0.5 ? Framing.ShortBody : Framing.ClosedEarly,
        );
      };
    case FaultKind.Garbage:
      return garbage(GARBAGE[Math.floor(detail * GARBAGE.length)] ?? '', detail < 0.8 ? 200 : 500);
    case FaultKind.Slow:
      // The proper answer, only late: it counts as evidence.
      return (call) =>
        withDelay(
          world.answer(call) ?? awsError('InternalFailure', 'no answer', 500),
          Math.floor(detail * 1_500),
        );
    case FaultKind.Denied:
      return denied(fault.target);
    case FaultKind.ExpiredToken:
      return awsError('ExpiredToken', 'The security token included in the request is expired', 403);
    case FaultKind.FailedEvaluations:
      return (call) => configResponses.putEvaluations(call.params.Evaluations as WireEvaluation[]);
    case FaultKind.InvalidToken:
      return awsError('InvalidResultTokenException', 'The result token is invalid.');
    case FaultKind.OddFailedEvaluations:
      return garbage(ODD_PUT_ANSWERS[Math.floor(detail * ODD_PUT_ANSWERS.length)] ?? '{}');
  }
}

/** Bodies that are no document of the service: HTML, nothing, junk, the wrong document. */
const GARBAGE = [
  '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
  '',
  '\u0000\u0001\u00fe\u00ff{]]>',
  '{"SummaryMap":{"AccountAccessKeysPresent":0}}',
  '<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><key>AccountAccessKeysPresent</key><value>zero</value></entry></SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>',
  '<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><key>AccountAccessKeysPresent</key><value>-1</value></entry></SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>',
  '<GetCredentialReportResponse><GetCredentialReportResult><Content>%%%not base64%%%</Content></GetCredentialReportResult></GetCredentialReportResponse>',
  '<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA</AccessKeyId><Expiration>soon</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>',
  'null',
];

/** PutEvaluations answers whose FailedEvaluations are not evaluations. */
const ODD_PUT_ANSWERS = [
  '{"FailedEvaluations":"nope"}',
  '{"FailedEvaluations":[null,1]}',
  '{"FailedEvaluations":{"ComplianceResourceId":"x"}}',
  '{"FailedEvaluations":[{}]}',
];

function throttling(target: Target): EndpointResponse {
  if (target === 'config:PutEvaluations') return configResponses.throttling();
  if (target === 'sts:AssumeRole') return awsError('Throttling', 'Rate exceeded', 400);
  return iamResponses.throttling();
}

function denied(target: Target): EndpointResponse {
  if (target === 'config:PutEvaluations') {
    return awsError(
      'AccessDeniedException',
      'User is not authorized to perform config:PutEvaluations',
    );
  }
  if (target === 'sts:AssumeRole') return stsResponses.accessDenied('the member role');
  return iamResponses.accessDenied(target);
}
