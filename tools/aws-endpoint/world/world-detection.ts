import { configRuleResponses } from '../config-rule-responses.js';
import { organizationsAccountResponses } from '../organizations-account-responses.js';
import { organizationsResponses } from '../organizations-responses.js';
import type { RecordedCall } from '../request.js';
import { awsError, type EndpointResponse } from '../responses.js';
import { snsResponses } from '../sns-responses.js';
import type { Identity, SimulatedWorld } from './world.js';

/** `StartConfigRulesEvaluation` takes at most this many names. */
const START_MAX_RULES = 25;

/** SNS limits of `Publish`. */
const SUBJECT_MAX = 100;
const MESSAGE_MAX_BYTES = 262_144;

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}$/;

/**
 * Config: StartConfigRulesEvaluation on the rules deployed in the signing
 * account (`SimAccount.configRules`); undefined for other actions
 * (`DescribeConfigRules` is answered in world-config.ts).
 */
export function answerConfigRules(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse | undefined {
  if (call.action !== 'StartConfigRulesEvaluation') return undefined;
  const account = world.account(identity.accountId);
  if (account?.deniedActions?.includes(`config:${call.action}`)) {
    return awsError(
      'AccessDeniedException',
      `User: ${identity.arn} is not authorized to perform: config:${call.action}`,
    );
  }
  const deployed = account?.configRules ?? [];
  const requested = call.params.ConfigRuleNames as readonly string[] | undefined;
  const unknown = requested?.find((name) => !deployed.includes(name));
  if (unknown !== undefined) return configRuleResponses.noSuchConfigRule(unknown);
  if (requested === undefined || requested.length === 0 || requested.length > START_MAX_RULES) {
    return awsError(
      'ValidationException',
      `1 validation error detected: Value at 'configRuleNames' failed to satisfy constraint: Member must have length between 1 and ${START_MAX_RULES}`,
    );
  }
  return configRuleResponses.startConfigRulesEvaluation();
}

/**
 * SNS: Publish, validated as SNS does (a topic ARN, a message, a subject of
 * at most 100 printable ASCII characters, 256 KiB at most); a topic outside
 * `WorldOptions.topics`, when set, does not exist.
 */
export function answerSns(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse | undefined {
  if (call.action !== 'Publish') return undefined;
  const params = call.params as Readonly<Record<string, string>>;
  const topicArn = params.TopicArn ?? '';
  if (world.account(identity.accountId)?.deniedActions?.includes('sns:Publish')) {
    return snsResponses.authorizationError(topicArn, identity.arn);
  }
  if (!TOPIC_ARN.test(topicArn)) return snsResponses.invalidParameter('TopicArn');
  const topics = world.options.topics;
  if (topics !== undefined && !topics.includes(topicArn)) return snsResponses.notFound();
  const message = params.Message;
  if (message === undefined || message === '') {
    return snsResponses.invalidParameter('Empty message');
  }
  if (Buffer.byteLength(message) > MESSAGE_MAX_BYTES) {
    return snsResponses.invalidParameter('Message too long');
  }
  const subject = params.Subject;
  if (subject !== undefined && (subject.length > SUBJECT_MAX || !/^[\x20-\x7e]+$/.test(subject))) {
    return snsResponses.invalidParameter('Subject');
  }
  return snsResponses.publish();
}

/** Organizations: DescribeAccount, for the caller (management) account only. */
export function describeAccount(
  world: SimulatedWorld,
  call: RecordedCall,
  identity: Identity,
): EndpointResponse {
  if (!identity.isCaller) return organizationsResponses.accessDenied();
  const id = String(call.params.AccountId ?? '');
  const account = world.organization.find((candidate) => candidate.id === id);
  if (account === undefined) return organizationsAccountResponses.accountNotFound();
  return organizationsAccountResponses.describeAccount({
    id: account.id,
    name: account.name ?? `account-${account.id}`,
    status: account.status ?? 'ACTIVE',
  });
}
