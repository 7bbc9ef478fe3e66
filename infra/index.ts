/**
 * The CDK constructs of the root access key rule, for CDK apps of your own
 * (`import { … } from 'root-access-key-rule'`): the function, the standalone
 * rule and the conformance pack for one account, the organization rollout,
 * real-time detection of root keys with alerts and alarms,
 * and the two ready stacks this repository's app deploys. The definition the
 * constructs are made of (settings, names, the pack-template renderer) is
 * exported too. `aws-cdk-lib` and `constructs` are peer dependencies.
 *
 * @packageDocumentation
 */

export * from '../definition/index.js';
export * from './account-stack.js';
export * from './constructs/handler-asset.js';
export * from './constructs/root-access-key-conformance-pack.js';
export * from './constructs/root-access-key-function.js';
export * from './constructs/root-access-key-rule.js';
export * from './constructs/rule-options.js';
export * from './detection/index.js';
export * from './organization/index.js';
export * from './settings.js';
