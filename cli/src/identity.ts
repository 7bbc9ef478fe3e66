/** Who the tool runs as (from `sts:GetCallerIdentity`). */
export interface CallerIdentity {
  /** The caller's account id. */
  readonly accountId: string;
  /** The caller's ARN. */
  readonly arn: string;
  /** The caller's partition (`aws`, `aws-cn`, `aws-us-gov`), used for role ARNs. */
  readonly partition: string;
}
