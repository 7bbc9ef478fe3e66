import { awsError, type HttpAnswer, type ServiceErrorAnswer } from './responses.js';
import { restJsonResult } from './rest-json.js';

/** One finding Security Hub refused, as `FailedFindings` lists it. */
export interface FailedFinding {
  readonly Id: string;
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

/** Security Hub's answers and errors, in their REST-JSON shapes (Security Hub API reference). */
export const securityHubResponses = {
  /** `BatchImportFindings`: `{FailedCount, SuccessCount, FailedFindings}`. */
  batchImportFindings(successCount: number, failed: readonly FailedFinding[] = []): HttpAnswer {
    return restJsonResult({
      FailedCount: failed.length,
      SuccessCount: successCount,
      FailedFindings: failed,
    });
  },
  /** 401 InvalidAccessException: Security Hub is not enabled in the account and Region. */
  notEnabled(accountId: string): ServiceErrorAnswer {
    return awsError(
      'InvalidAccessException',
      `Account ${accountId} is not subscribed to AWS Security Hub`,
      401,
    );
  },
  /**
   * 403 AccessDeniedException, as for a caller without the permission or a
   * finding of another account's product.
   */
  accessDenied(callerArn: string, productArn: string): ServiceErrorAnswer {
    return awsError(
      'AccessDeniedException',
      `User: ${callerArn} is not authorized to perform: securityhub:BatchImportFindings on resource: ${productArn}`,
      403,
    );
  },
  /** 400 InvalidInputException: the request breaks the API's rules. */
  invalidInput(message: string): ServiceErrorAnswer {
    return awsError('InvalidInputException', message, 400);
  },
  /** 429 LimitExceededException: throttled. */
  limitExceeded(): ServiceErrorAnswer {
    return awsError('LimitExceededException', 'Rate exceeded', 429);
  },
} as const;
