/**
 * Constructs and helpers of the root access key rule, for CDK apps of your
 * own: the single-account constructs (`RootAccessKeyFunction`,
 * `RootAccessKeyRule`, `RootAccessKeyConformancePack`), the pure pack-template
 * renderer, the context readers and validators, and (from `./organization`)
 * the organization rollout.
 */

export * from './account-stack';
export * from './build-app';
export * from './constructs/root-access-key-conformance-pack';
export * from './constructs/root-access-key-function';
export * from './constructs/root-access-key-rule';
export * from './constructs/rule-options';
export * from './context';
export * from './errors';
export * from './organization';
export * from './pack-template';
export * from './permissions';
export * from './settings';
export * from './validate';
