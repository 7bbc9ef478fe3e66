import { epochSeconds, type HttpAnswer, jsonError, jsonResult } from './responses.js';

/** Account status in Organizations (`Status`; `State` carries the same here). */
export type AccountStatus = 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';

/** An organization member account as `ListAccounts` lists it. */
export interface OrganizationAccount {
  readonly id: string;
  readonly name: string;
  readonly status: AccountStatus;
  /** @default `<id>@example.com` */
  readonly email?: string;
  /** @default 'o-exampleorg1' */
  readonly organizationId?: string;
  /** @default '111111111111' */
  readonly managementAccountId?: string;
}

/** Builders of Organizations answers (JSON 1.1). */
export const organizationsResponses = {
  /** A page of `ListAccounts`. */
  listAccounts(accounts: readonly OrganizationAccount[], nextToken?: string): HttpAnswer {
    return jsonResult({ Accounts: accounts.map(accountToWire), NextToken: nextToken });
  },

  /** 403 `AccessDeniedException`. */
  accessDenied(): HttpAnswer {
    return jsonError(
      'AccessDeniedException',
      'You don\u2019t have permissions to access this resource.',
      403,
    );
  },

  /** 404 `AWSOrganizationsNotInUseException`. */
  notInUse(): HttpAnswer {
    return jsonError(
      'AWSOrganizationsNotInUseException',
      'Your account is not a member of an organization.',
      404,
    );
  },

  /** 429 `TooManyRequestsException` (retried by the SDK as throttling). */
  tooManyRequests(): HttpAnswer {
    return jsonError(
      'TooManyRequestsException',
      'AWS Organizations can\u2019t complete your request because another request is already in progress.',
      429,
    );
  },

  /** 400 `InvalidInputException` for a bad `NextToken` or `MaxResults`. */
  invalidInput(message: string): HttpAnswer {
    return jsonError('InvalidInputException', message);
  },
};

/** The wire form of an Organizations `Account`. */
export function accountToWire(account: OrganizationAccount): Record<string, unknown> {
  const org = account.organizationId ?? 'o-exampleorg1';
  const management = account.managementAccountId ?? '111111111111';
  return {
    Id: account.id,
    Arn: `arn:aws:organizations::${management}:account/${org}/${account.id}`,
    Email: account.email ?? `${account.id}@example.com`,
    Name: account.name,
    Status: account.status,
    State: account.status,
    JoinedMethod: 'CREATED',
    JoinedTimestamp: epochSeconds(new Date('2024-01-15T09:30:00Z')),
  };
}
