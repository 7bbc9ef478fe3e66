/**
 * How long the tool's work for one account may take, every AWS call and wait
 * included (AssumeRole or AssumeRoot, the IAM calls, credential report
 * polling), unless a caller sets its own: past it, the account's row says
 * which call ran out of time, and the other accounts go on.
 */
export const ACCOUNT_DEADLINE_MS = 120_000;
