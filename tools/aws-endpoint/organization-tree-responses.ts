import { accountToWire, type OrganizationAccount } from './organizations-responses.js';
import { type HttpAnswer, jsonError, jsonResult } from './responses.js';

/** A root as `ListRoots` lists it. */
export interface RootAnswer {
  readonly id: string;
  readonly arn: string;
  /** @default 'Root' */
  readonly name?: string;
}

/** An organizational unit as `ListOrganizationalUnitsForParent` lists it. */
export interface OrganizationalUnitAnswer {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
}

/** The organization as `DescribeOrganization` describes it. */
export interface OrganizationAnswer {
  readonly id: string;
  readonly arn: string;
  readonly managementAccountId: string;
  readonly managementAccountArn: string;
  /** @default `<managementAccountId>@example.com` */
  readonly managementAccountEmail?: string;
}

/**
 * Builders of the Organizations answers about the tree (JSON 1.1), in the
 * shapes of the Organizations API reference.
 */
export const organizationTreeResponses = {
  /** A page of `ListRoots`. */
  listRoots(roots: readonly RootAnswer[], nextToken?: string): HttpAnswer {
    return jsonResult({
      Roots: roots.map((root) => ({
        Id: root.id,
        Arn: root.arn,
        Name: root.name ?? 'Root',
        PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      })),
      NextToken: nextToken,
    });
  },

  /** A page of `ListOrganizationalUnitsForParent`. */
  listOrganizationalUnits(units: readonly OrganizationalUnitAnswer[], nextToken?: string) {
    return jsonResult({ OrganizationalUnits: units.map(unitToWire), NextToken: nextToken });
  },

  /** `DescribeOrganizationalUnit`. */
  describeOrganizationalUnit(unit: OrganizationalUnitAnswer): HttpAnswer {
    return jsonResult({ OrganizationalUnit: unitToWire(unit) });
  },

  /** A page of `ListAccountsForParent`: the same `Account` shape as `ListAccounts`. */
  listAccountsForParent(accounts: readonly OrganizationAccount[], nextToken?: string): HttpAnswer {
    return jsonResult({ Accounts: accounts.map(accountToWire), NextToken: nextToken });
  },

  /** `DescribeAccount`. */
  describeAccount(account: OrganizationAccount): HttpAnswer {
    return jsonResult({ Account: accountToWire(account) });
  },

  /** A page of `ListParents`. */
  listParents(
    parents: readonly { readonly id: string; readonly type: string }[],
    nextToken?: string,
  ): HttpAnswer {
    return jsonResult({
      Parents: parents.map((parent) => ({ Id: parent.id, Type: parent.type })),
      NextToken: nextToken,
    });
  },

  /** `DescribeOrganization` (all features). */
  describeOrganization(organization: OrganizationAnswer): HttpAnswer {
    const management = organization.managementAccountId;
    return jsonResult({
      Organization: {
        Id: organization.id,
        Arn: organization.arn,
        FeatureSet: 'ALL',
        MasterAccountArn: organization.managementAccountArn,
        MasterAccountId: management,
        MasterAccountEmail: organization.managementAccountEmail ?? `${management}@example.com`,
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    });
  },

  /** 400 `ParentNotFoundException`. */
  parentNotFound(): HttpAnswer {
    return jsonError(
      'ParentNotFoundException',
      'We can\u2019t find a root or OU with the ParentId that you specified.',
    );
  },

  /** 400 `ChildNotFoundException`. */
  childNotFound(): HttpAnswer {
    return jsonError(
      'ChildNotFoundException',
      'We can\u2019t find an organizational unit (OU) or AWS account with the ChildId that you specified.',
    );
  },

  /** 400 `OrganizationalUnitNotFoundException`. */
  organizationalUnitNotFound(): HttpAnswer {
    return jsonError(
      'OrganizationalUnitNotFoundException',
      'We can\u2019t find an OU with the OrganizationalUnitId that you specified.',
    );
  },

  /** 400 `AccountNotFoundException`. */
  accountNotFound(): HttpAnswer {
    return jsonError(
      'AccountNotFoundException',
      'We can\u2019t find an AWS account with the AccountId that you specified, or the account whose credentials you used to make this request isn\u2019t a member of an organization.',
    );
  },
};

function unitToWire(unit: OrganizationalUnitAnswer): Record<string, unknown> {
  return { Id: unit.id, Arn: unit.arn, Name: unit.name };
}
