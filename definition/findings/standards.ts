/**
 * The controls the rule checks, as findings name them (SPEC.md §9). Sources:
 * the CIS AWS Foundations Benchmark, whose recommendation "Ensure no 'root'
 * user account access key exists" is 1.12 in v1.2.0, 1.4 from v1.3.0 to
 * v4.0.1, 1.3 in v5.0.0 and 2.4 in v7.0.0; and AWS Security Hub's control
 * IAM.4 "IAM root user access key should not exist" (severity CRITICAL,
 * resource `AWS::::Account`).
 */

/** The Security Hub control the rule matches. */
export const SECURITY_CONTROL_ID = 'IAM.4';

/** Title of the control, as Security Hub words IAM.4. */
export const FINDING_TITLE = 'IAM root user access key should not exist';

/** The CIS recommendation's own wording. */
export const CIS_RECOMMENDATION = "Ensure no 'root' user account access key exists";

/** The benchmark, as Security Hub names it in requirements and finding types. */
export const CIS_BENCHMARK = 'CIS AWS Foundations Benchmark';

/** The recommendation's number in each version of the benchmark. */
export const CIS_REQUIREMENTS = [
  { version: 'v1.2.0', id: '1.12' },
  { version: 'v1.3.0', id: '1.4' },
  { version: 'v1.4.0', id: '1.4' },
  { version: 'v1.5.0', id: '1.4' },
  { version: 'v2.0.0', id: '1.4' },
  { version: 'v3.0.0', id: '1.4' },
  { version: 'v4.0.1', id: '1.4' },
  { version: 'v5.0.0', id: '1.3' },
  { version: 'v7.0.0', id: '2.4' },
] as const;

/** AWS Foundational Security Best Practices, whose IAM.4 this is. */
export const FSBP_STANDARD = 'AWS Foundational Security Best Practices v1.0.0';

/** Requirements as Security Hub writes them: `CIS AWS Foundations Benchmark v1.2.0/1.12`, …, and IAM.4. */
export const RELATED_REQUIREMENTS: readonly string[] = [
  ...CIS_REQUIREMENTS.map(({ version, id }) => `${CIS_BENCHMARK} ${version}/${id}`),
  `${FSBP_STANDARD}/${SECURITY_CONTROL_ID}`,
];

/** The standards the requirements belong to. */
export const STANDARDS: readonly string[] = [
  ...CIS_REQUIREMENTS.map(({ version }) => `${CIS_BENCHMARK} ${version}`),
  FSBP_STANDARD,
];

/** The finding type, in ASFF's `namespace/category/classifier` taxonomy. */
export const FINDING_TYPE =
  'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark';

/** Where the project's documentation lives. */
export const DOCS_URL =
  'https://github.com/root-access-key-rule/root-access-key-rule/blob/main/docs';

/** What to do about a finding, in words. */
export const REMEDIATION_TEXT =
  "Delete the root user's access keys. `root-access-key-rule remediate --accounts <id>` plans the deletion (a dry run) and `--apply` deletes them through a root session; see the remediation guide.";

/** The remediation guide. */
export const REMEDIATION_URL = `${DOCS_URL}/remediation.md`;

/** The guide to these findings. */
export const FINDINGS_URL = `${DOCS_URL}/findings.md`;
