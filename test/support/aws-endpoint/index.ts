/**
 * A local AWS endpoint for wire tests and benchmarks: IAM, STS, Config and
 * Organizations on one 127.0.0.1 URL, in their real wire formats, for the real
 * SDK clients selected with `AWS_ENDPOINT_URL_<SERVICE>`.
 *
 * @packageDocumentation
 */

export type {
  AggregateEvaluation,
  AggregateRuleCompliance,
  ComplianceType,
  WireEvaluation,
} from './config-responses';
export { configResponses } from './config-responses';
export type {
  CredentialReportOptions,
  KeySlot,
  KeySlots,
  ReportUser,
} from './credential-report-csv';
export { CREDENTIAL_REPORT_COLUMNS, credentialReportCsv } from './credential-report-csv';
export {
  AMBIENT_AWS_VARIABLES,
  BASE_ACCESS_KEY_ID,
  BASE_SECRET_ACCESS_KEY,
  endpointEnv,
  withEnv,
} from './env';
export type { AccountSummaryOptions, ReportState } from './iam-responses';
export { iamResponses, REPORT_STATES } from './iam-responses';
export type { AccountStatus, OrganizationAccount } from './organizations-responses';
export { organizationsResponses } from './organizations-responses';
export type { ServiceName } from './protocol';
export { SERVICES } from './protocol';
export type { RecordedCall } from './request';
export type {
  EndpointResponse,
  HttpAnswer,
  QueryErrorOptions,
  ResetAnswer,
  ServiceErrorAnswer,
} from './responses';
export {
  awsError,
  connectionReset,
  epochSeconds,
  httpStatus,
  jsonError,
  jsonResult,
  queryError,
  queryResult,
  serverError,
  withDelay,
} from './responses';
export type {
  AwsEndpoint,
  AwsEndpointOptions,
  CallAnswerer,
  CallHandler,
  Responder,
} from './server';
export { startAwsEndpoint } from './server';
export type { AssumeRoleAnswer, CallerIdentityAnswer } from './sts-responses';
export { stsResponses } from './sts-responses';
export type { AccountsScenario, AggregatorScenario } from './world/generate';
export {
  deployedRuleName,
  generateAccounts,
  generateAggregateEvaluations,
  generatedAccountId,
} from './world/generate';
export type {
  CredentialReportError,
  PagedAction,
  SimAccount,
  SimAggregator,
  SimCredentialReport,
  WorldOptions,
} from './world/model';
export type { Identity } from './world/world';
export { accountOfAccessKey, createWorld, SimulatedWorld } from './world/world';
