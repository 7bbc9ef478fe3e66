/**
 * A local AWS endpoint for wire tests and benchmarks: IAM, STS, Config,
 * Organizations and SNS on one 127.0.0.1 URL, in their real wire formats, for the real
 * SDK clients selected with `AWS_ENDPOINT_URL_<SERVICE>`.
 *
 * @packageDocumentation
 */

export type { OrganizationPackAnswer, PackStatusAnswer } from './config-pack-responses.js';
export { configPackResponses } from './config-pack-responses.js';
export type {
  AggregateEvaluation,
  AggregateRuleCompliance,
  ComplianceType,
  ConfigRuleAnswer,
  WireEvaluation,
} from './config-responses.js';
export { configResponses } from './config-responses.js';
export { configRuleResponses } from './config-rule-responses.js';
export type {
  CredentialReportOptions,
  KeySlot,
  KeySlots,
  ReportUser,
} from './credential-report-csv.js';
export { CREDENTIAL_REPORT_COLUMNS, credentialReportCsv } from './credential-report-csv.js';
export {
  AMBIENT_AWS_VARIABLES,
  BASE_ACCESS_KEY_ID,
  BASE_SECRET_ACCESS_KEY,
  endpointEnv,
  withEnv,
} from './env.js';
export type { GarbageAnswer, StallAnswer, TruncatedAnswer } from './faults.js';
export { Framing, garbage, stall, truncated } from './faults.js';
export type { AccountSummaryOptions, ReportState } from './iam-responses.js';
export { iamResponses, REPORT_STATES } from './iam-responses.js';
export type {
  OrganizationAnswer,
  OrganizationalUnitAnswer,
  RootAnswer,
} from './organization-tree-responses.js';
export { organizationTreeResponses } from './organization-tree-responses.js';
export { organizationsAccountResponses } from './organizations-account-responses.js';
export type { AccountStatus, OrganizationAccount } from './organizations-responses.js';
export { organizationsResponses } from './organizations-responses.js';
export type { ServiceName } from './protocol.js';
export { SERVICES } from './protocol.js';
export type { RecordedCall } from './request.js';
export type {
  EndpointResponse,
  HttpAnswer,
  QueryErrorOptions,
  ResetAnswer,
  ServiceErrorAnswer,
} from './responses.js';
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
} from './responses.js';
export { REST_JSON_CONTENT_TYPE, REST_ROUTES, restJsonError, restJsonResult } from './rest-json.js';
export type { RequestLine } from './rest-json-request.js';
export type { FailedFinding } from './security-hub-responses.js';
export { securityHubResponses } from './security-hub-responses.js';
export type {
  AwsEndpoint,
  AwsEndpointOptions,
  CallAnswerer,
  CallHandler,
  Responder,
} from './server.js';
export { startAwsEndpoint } from './server.js';
export type { PublishedMessage } from './sns-responses.js';
export { publishedMessages, snsResponses } from './sns-responses.js';
export type { AssumeRoleAnswer, CallerIdentityAnswer } from './sts-responses.js';
export { stsResponses } from './sts-responses.js';
export type { AccountsScenario, AggregatorScenario } from './world/generate.js';
export {
  deployedRuleName,
  generateAccounts,
  generateAggregateEvaluations,
  generatedAccountId,
} from './world/generate.js';
export type { GeneratedOrganization, OrganizationScenario } from './world/generate-organization.js';
export { generateOrganization, placeAccounts } from './world/generate-organization.js';
export type {
  CredentialReportError,
  PagedAction,
  RootAccessFeature,
  SimAccount,
  SimAggregator,
  SimConfigRule,
  SimCredentialReport,
  SimRootAccess,
  WorldOptions,
} from './world/model.js';
export type {
  PackDeploymentStatus,
  SimOrganization,
  SimOrganizationalUnit,
  SimOrganizationConformancePack,
  SimPackAccountStatus,
} from './world/organization-model.js';
export type { Identity } from './world/world.js';
export { accountOfAccessKey, createWorld, SimulatedWorld } from './world/world.js';
export type {
  ImportedFinding,
  SecurityHubCaller,
  SecurityHubOptions,
} from './world/world-security-hub.js';
export { MAX_FINDINGS_PER_IMPORT, SecurityHubModel } from './world/world-security-hub.js';
