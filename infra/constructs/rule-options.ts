import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct, IDependable } from 'constructs';
import { CONFIG_SERVICE_PRINCIPAL } from '../../definition/permissions.js';
import type { RuleSettingsProps } from '../../definition/settings.js';
import { RootAccessKeyFunction } from './root-access-key-function.js';

/**
 * The function a rule runs on: any Lambda function (`lambda.IFunction`, such
 * as `lambda.Function.fromFunctionArn`) that runs the rule's handler, or a
 * {@link RootAccessKeyFunction}.
 */
export type RuleFunction = lambda.IFunction | RootAccessKeyFunction;

/**
 * What the standalone rule and the conformance pack have in common: the
 * function that evaluates the account, and the rule's settings (the rule
 * evaluates its own account, so it takes no `executionRoleName`).
 */
export interface RootAccessKeyRuleOptions extends Omit<RuleSettingsProps, 'executionRoleName'> {
  /**
   * The function that evaluates the account: a {@link RootAccessKeyFunction},
   * or any `lambda.IFunction` running the rule's handler. A function of
   * another account gets no permission from here: grant AWS Config of this
   * account `lambda:InvokeFunction` on it yourself.
   * @default a new RootAccessKeyFunction with default props, created as child 'Function'
   */
  readonly function?: RuleFunction;
}

/** The function given, or a new {@link RootAccessKeyFunction} as child `Function` of `scope`. */
export function ruleFunctionOf(scope: Construct, given: RuleFunction | undefined): RuleFunction {
  return given ?? new RootAccessKeyFunction(scope, 'Function');
}

/** The function's ARN, whichever kind it is. */
export function functionArnOf(fn: RuleFunction): string {
  return fn.functionArn;
}

/** Id of the permission that lets AWS Config invoke a function. */
const PERMISSION_ID = 'ConfigPermission';

/**
 * Lets AWS Config of the stack's account invoke the function, once per
 * function: a {@link RootAccessKeyFunction}'s own permission, or
 * `addPermission` on any other `lambda.IFunction` (which adds nothing to a
 * function of another account).
 *
 * @returns what a rule must be created after: the permission, when one exists
 */
export function allowConfigInvoke(scope: Construct, fn: RuleFunction): IDependable | undefined {
  if (fn instanceof RootAccessKeyFunction) return fn.allowConfigInvoke();
  const existing = fn.permissionsNode.tryFindChild(PERMISSION_ID);
  if (existing !== undefined) return existing;
  fn.addPermission(PERMISSION_ID, {
    principal: new iam.ServicePrincipal(CONFIG_SERVICE_PRINCIPAL),
    sourceAccount: Stack.of(scope).account,
  });
  return fn.permissionsNode.tryFindChild(PERMISSION_ID);
}
