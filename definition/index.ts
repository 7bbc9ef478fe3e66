/**
 * The CDK-free definition of the root access key rule, shared by the rule,
 * the constructs and the command-line tool: names and their formats, the
 * rule's settings, the conformance pack template renderer, the IAM actions the
 * rule needs, and the setting validators with their error. Import it as
 * `root-access-key-rule/definition`; it needs neither aws-cdk-lib nor the AWS SDK.
 *
 * @packageDocumentation
 */

export * from './config.js';
export * from './detection.js';
export * from './errors.js';
export * from './findings/index.js';
export * from './metrics.js';
export * from './names.js';
export * from './objects.js';
export * from './pack-template.js';
export * from './package-root.js';
export * from './permissions.js';
export * from './root-access.js';
export * from './rule-definition.js';
export * from './setting.js';
export * from './settings.js';
export * from './settings-table.js';
export * from './validate.js';
