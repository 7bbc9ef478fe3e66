import { accountToWire, type OrganizationAccount } from './organizations-responses.js';
import { type HttpAnswer, jsonError, jsonResult } from './responses.js';

/** Builders of Organizations' `DescribeAccount` answers (JSON 1.1). */
export const organizationsAccountResponses = {
  /** `DescribeAccount`: `{ Account }`. */
  describeAccount(account: OrganizationAccount): HttpAnswer {
    return jsonResult({ Account: accountToWire(account) });
  },

  /** 400 `AccountNotFoundException`. */
  accountNotFound(): HttpAnswer {
    return jsonError(
      'AccountNotFoundException',
      "We can't find an AWS account with the AccountId that you specified, or the account whose credentials you used to make this request isn't a member of an organization.",
    );
  },
};
