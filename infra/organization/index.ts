export * from './member-role.js';
export * from './member-role-stack-set.js';
export * from './member-role-template.js';
export * from './organization-aggregator.js';
export * from './organization-conformance-pack.js';
export * from './organization-settings.js';
export * from './organization-stack.js';
export * from './root-access-key-prevention-policy.js';
