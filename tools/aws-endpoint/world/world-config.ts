import { configResponses } from '../config-responses.js';
import type { RecordedCall } from '../request.js';
import { awsError, type EndpointResponse } from '../responses.js';
import type { RuleComplianceFilters } from './aggregator-index.js';
import { takePage } from './paging.js';
import type { Identity, SimulatedWorld } from './world.js';
import { answerOrganizationPacks } from './world-config-packs.js';
import { answerConfigRules } from './world-detection.js';

const DESCRIBE_MAX = 1000;
const DETAILS_MAX = 100;
const DETAILS_DEFAULT = 50;
const PUT_MAX = 100;
const ANNOTATION_MAX = 256;
const ACCEPTED_COMPLIANCE = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'];

/** Config: PutEvaluations (validated as Config does), the aggregator reads and the organization packs. */
export function answerConfig(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse | undefined {
  switch (call.action) {
    case 'PutEvaluations':
      return putEvaluations(call.params);
    case 'DescribeAggregateComplianceByConfigRules':
      return describe(world, call.params);
    case 'GetAggregateComplianceDetailsByConfigRule':
      return details(world, call.params);
    case 'DescribeConfigRules':
      return describeConfigRules(world, call, identity);
    default:
      return (
        answerConfigRules(world, call, identity) ?? answerOrganizationPacks(world, call, identity)
      );
  }
}

function putEvaluations(params: Readonly<Record<string, unknown>>): EndpointResponse {
  const evaluations = (params.Evaluations ?? []) as readonly Record<string, unknown>[];
  if (typeof params.ResultToken !== 'string') {
    return validation(
      "Value null at 'resultToken' failed to satisfy constraint: Member must not be null",
    );
  }
  if (evaluations.length > PUT_MAX) {
    return validation(
      `Value at 'evaluations' failed to satisfy constraint: Member must have length less than or equal to ${PUT_MAX} (received ${evaluations.length})`,
    );
  }
  for (const [index, evaluation] of evaluations.entries()) {
    const problem = evaluationProblem(evaluation);
    if (problem) {
      return problem.startsWith('ComplianceType')
        ? awsError('InvalidParameterValueException', `Evaluation ${index}: ${problem}`)
        : validation(`Evaluation ${index}: ${problem}`);
    }
  }
  return configResponses.putEvaluations();
}

function evaluationProblem(evaluation: Record<string, unknown>): string | undefined {
  for (const field of [
    'ComplianceResourceType',
    'ComplianceResourceId',
    'ComplianceType',
    'OrderingTimestamp',
  ]) {
    if (evaluation[field] === undefined) {
      return `${field} must not be null`;
    }
  }
  if (!ACCEPTED_COMPLIANCE.includes(String(evaluation.ComplianceType))) {
    return `ComplianceType ${String(evaluation.ComplianceType)} is not accepted; use ${ACCEPTED_COMPLIANCE.join(', ')}`;
  }
  const annotation = evaluation.Annotation;
  if (typeof annotation === 'string' && annotation.length > ANNOTATION_MAX) {
    return `Annotation must have length less than or equal to ${ANNOTATION_MAX} (received ${annotation.length})`;
  }
  return undefined;
}

function describe(
  world: SimulatedWorld,
  params: Readonly<Record<string, unknown>>,
): EndpointResponse {
  const name = String(params.ConfigurationAggregatorName ?? '');
  const aggregator = world.aggregators.get(name);
  if (!aggregator) {
    return configResponses.noSuchConfigurationAggregator(name);
  }
  const limit = limitOf(params.Limit, DESCRIBE_MAX);
  if (limit > DESCRIBE_MAX) {
    return configResponses.invalidLimit(limit, DESCRIBE_MAX);
  }
  const filters = (params.Filters ?? {}) as RuleComplianceFilters;
  const page = takePage(aggregator.ruleCompliance(filters), {
    listing: `describe:${name}:${JSON.stringify(filters)}`,
    limit,
    nextToken: params.NextToken as string | undefined,
    emptyPages: world.options.emptyPages?.DescribeAggregateComplianceByConfigRules ?? [],
  });
  return page
    ? configResponses.describeAggregateComplianceByConfigRules(page.items, page.nextToken)
    : configResponses.invalidNextToken();
}

function details(
  world: SimulatedWorld,
  params: Readonly<Record<string, unknown>>,
): EndpointResponse {
  const required = ['ConfigurationAggregatorName', 'ConfigRuleName', 'AccountId', 'AwsRegion'];
  const missing = required.find((field) => typeof params[field] !== 'string');
  if (missing) {
    return validation(
      `Value null at '${missing}' failed to satisfy constraint: Member must not be null`,
    );
  }
  const [name, rule, account, region] = required.map((field) => params[field]) as [
    string,
    string,
    string,
    string,
  ];
  const aggregator = world.aggregators.get(name);
  if (!aggregator) {
    return configResponses.noSuchConfigurationAggregator(name);
  }
  const limit = limitOf(params.Limit, DETAILS_DEFAULT);
  if (limit > DETAILS_MAX) {
    return configResponses.invalidLimit(limit, DETAILS_MAX);
  }
  const compliance = params.ComplianceType as string | undefined;
  const page = takePage(aggregator.evaluations(rule, account, region, compliance), {
    listing: `details:${name}:${rule}:${account}:${region}:${compliance}`,
    limit,
    nextToken: params.NextToken as string | undefined,
    emptyPages: world.options.emptyPages?.GetAggregateComplianceDetailsByConfigRule ?? [],
  });
  return page
    ? configResponses.getAggregateComplianceDetailsByConfigRule(page.items, page.nextToken)
    : configResponses.invalidNextToken();
}

/** Rules a page of `DescribeConfigRules` holds (the API takes no Limit). */
const RULES_PAGE = 25;

/**
 * `DescribeConfigRules` in the signing account and Region: the world's
 * `configRules` (the caller's account, with their details) and the account's
 * own `configRules` (names), as custom Lambda rules with a periodic trigger,
 * in pages of 25; unknown names in `ConfigRuleNames` answer
 * `NoSuchConfigRuleException`.
 */
function describeConfigRules(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse {
  if (world.account(identity.accountId)?.deniedActions?.includes('config:DescribeConfigRules')) {
    return awsError(
      'AccessDeniedException',
      `User: ${identity.arn} is not authorized to perform: config:DescribeConfigRules`,
    );
  }
  const rules = [
    ...(identity.isCaller ? (world.options.configRules ?? []) : []),
    ...(world.account(identity.accountId)?.configRules ?? []).map((name) => ({ name })),
  ];
  const names = call.params.ConfigRuleNames as readonly string[] | undefined;
  const unknown = names?.find((name) => !rules.some((rule) => rule.name === name));
  if (unknown !== undefined) {
    return awsError(
      'NoSuchConfigRuleException',
      `The ConfigRule '${unknown}' provided in the request is invalid. Please check the configRule name.`,
    );
  }
  const chosen = names?.length ? rules.filter((rule) => names.includes(rule.name)) : rules;
  const page = takePage(chosen, {
    listing: `config-rules:${JSON.stringify(names ?? [])}`,
    limit: RULES_PAGE,
    nextToken: call.params.NextToken as string | undefined,
    emptyPages: [],
  });
  if (!page) return configResponses.invalidNextToken();
  return configResponses.describeConfigRules(
    page.items.map((rule) => ({
      ...rule,
      arn: `arn:aws:config:${call.region}:${identity.accountId}:config-rule/config-rule-${ruleIdOf(rule.name)}`,
      id: `config-rule-${ruleIdOf(rule.name)}`,
      functionArn: `arn:aws:lambda:${call.region}:${identity.accountId}:function:root-access-key-rule`,
    })),
    page.nextToken,
  );
}

/** A stable 6-character rule id, as Config's `config-rule-<id>`. */
function ruleIdOf(name: string): string {
  let hash = 7;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash.toString(36).padStart(6, '0').slice(-6);
}

/** Config treats an absent or zero Limit as its default. */
function limitOf(value: unknown, defaultLimit: number): number {
  const limit = Number(value ?? 0);
  return limit === 0 ? defaultLimit : limit;
}

function validation(detail: string): EndpointResponse {
  return awsError('ValidationException', `1 validation error detected: ${detail}`);
}
