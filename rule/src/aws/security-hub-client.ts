/**
 * The Security Hub client module, as the rule uses it. The handler bundle
 * ships it as a file of its own (`security-hub.js` beside `index.js`), which
 * only a function with Security Hub findings on ever loads: the default
 * deployment neither compiles nor runs it.
 */
export { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
