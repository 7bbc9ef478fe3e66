/**
 * Constructs and helpers of the root access key rule, for CDK apps of your
 * own: the single-account constructs (`RootAccessKeyFunction`,
 * `RootAccessKeyRule`, `RootAccessKeyConformancePack`), the pure pack-template
 * renderer, the context readers and validators, and (from `./organization`)
 * the organization rollout.
 */

export * from './account-stack.js';
export * from './build-app.js';
export * from './constructs/root-access-key-conformance-pack.js';
export * from './constructs/root-access-key-function.js';
export * from './constructs/root-access-key-rule.js';
export * from './constructs/rule-options.js';
export * from './context.js';
export * from './errors.js';
export * from './organization/index.js';
export * from './pack-template.js';
export * from './permissions.js';
export * from './settings.js';
export * from './validate.js';
