/**
 * The IAM actions the rule needs in the account it evaluates, and nothing else.
 * None of them supports resource-level permissions, so they are granted on `*`.
 * One list for the function's own role and for organization member roles.
 */
export const RULE_IAM_ACTIONS = {
  /** Facts the verdict is made of: the account summary and the credential report. */
  read: ['iam:GetAccountSummary', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  /** Reporting the verdict to AWS Config. */
  report: ['config:PutEvaluations'],
} as const;

/** Every action of {@link RULE_IAM_ACTIONS}, in one list. */
export const ALL_RULE_IAM_ACTIONS: readonly string[] = [
  ...RULE_IAM_ACTIONS.read,
  ...RULE_IAM_ACTIONS.report,
];

/** The service principal AWS Config invokes rule functions as. */
export const CONFIG_SERVICE_PRINCIPAL = 'config.amazonaws.com';

/**
 * What the rule needs in the evaluated account with Security Hub findings on:
 * importing to the account's own default product, the only resource granted.
 */
export const SECURITY_HUB_IMPORT_ACTION = 'securityhub:BatchImportFindings';
