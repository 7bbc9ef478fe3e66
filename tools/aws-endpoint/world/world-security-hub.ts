import type { RecordedCall } from '../request.js';
import type { EndpointResponse } from '../responses.js';
import { type FailedFinding, securityHubResponses } from '../security-hub-responses.js';

/** Most findings one `BatchImportFindings` call may carry (Security Hub API reference). */
export const MAX_FINDINGS_PER_IMPORT = 100;

/** Members `AwsSecurityFinding` requires (Security Hub API reference). */
const REQUIRED_MEMBERS = [
  'SchemaVersion',
  'Id',
  'ProductArn',
  'GeneratorId',
  'AwsAccountId',
  'CreatedAt',
  'UpdatedAt',
  'Title',
  'Description',
  'Resources',
] as const;

/** One finding Security Hub accepted, with who imported it where. */
export interface ImportedFinding {
  /** The account whose credentials signed the import. */
  readonly signingAccountId: string;
  /** The signing Region. */
  readonly region: string;
  /** The access key id that signed (tells a role session from the caller's own credentials). */
  readonly accessKeyId: string;
  readonly finding: Readonly<Record<string, unknown>>;
}

/** Options of {@link SecurityHubModel}. */
export interface SecurityHubOptions {
  /** Accounts without Security Hub enabled (InvalidAccessException). @default none */
  readonly disabledAccounts?: readonly string[];
}

/** Who signs a Security Hub call. */
export interface SecurityHubCaller {
  readonly accountId: string;
  readonly arn: string;
  readonly partition: string;
}

/**
 * Security Hub as the endpoint simulates it: `BatchImportFindings` with
 * AWS's rules for custom integrations (each finding's `ProductArn` must be
 * the signing account's default product in the signing Region, and its
 * `AwsAccountId` that account, else the whole call is denied; at most 100
 * findings; findings without a required member are refused one by one), and
 * the imports recorded per signing account for assertions.
 */
export class SecurityHubModel {
  private readonly imported: ImportedFinding[] = [];

  constructor(private readonly options: SecurityHubOptions = {}) {}

  /** Every finding imported, in arrival order. */
  get imports(): readonly ImportedFinding[] {
    return this.imported;
  }

  /** The findings imported with an account's credentials. */
  importsBy(accountId: string): readonly ImportedFinding[] {
    return this.imported.filter((entry) => entry.signingAccountId === accountId);
  }

  /** Answers a Security Hub call, or undefined for actions it does not simulate. */
  answer(call: RecordedCall, caller: SecurityHubCaller): EndpointResponse | undefined {
    if (call.action !== 'BatchImportFindings') return undefined;
    if (this.options.disabledAccounts?.includes(caller.accountId)) {
      return securityHubResponses.notEnabled(caller.accountId);
    }
    const findings = call.params.Findings;
    if (!Array.isArray(findings) || findings.length === 0) {
      return securityHubResponses.invalidInput('Findings is required and must not be empty');
    }
    if (findings.length > MAX_FINDINGS_PER_IMPORT) {
      return securityHubResponses.invalidInput(
        `Findings has ${findings.length} members; at most ${MAX_FINDINGS_PER_IMPORT} are allowed`,
      );
    }
    const product = defaultProductArn(caller.partition, call.region, caller.accountId);
    for (const finding of findings as Record<string, unknown>[]) {
      if (finding.ProductArn !== product || finding.AwsAccountId !== caller.accountId) {
        return securityHubResponses.accessDenied(caller.arn, String(finding.ProductArn));
      }
    }
    const failed: FailedFinding[] = [];
    for (const finding of findings as Record<string, unknown>[]) {
      const missing = REQUIRED_MEMBERS.filter((member) => finding[member] === undefined);
      if (missing.length > 0) {
        failed.push({
          Id: String(finding.Id ?? ''),
          ErrorCode: 'InvalidInput',
          ErrorMessage: `Finding does not adhere to Amazon Finding Format: missing ${missing.join(', ')}`,
        });
        continue;
      }
      this.imported.push({
        signingAccountId: caller.accountId,
        region: call.region,
        accessKeyId: call.accessKeyId,
        finding,
      });
    }
    return securityHubResponses.batchImportFindings(findings.length - failed.length, failed);
  }

  /** Forgets the imports. */
  reset(): void {
    this.imported.length = 0;
  }
}

/** An account's default product ARN: `arn:<partition>:securityhub:<region>:<account>:product/<account>/default`. */
export function defaultProductArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}
