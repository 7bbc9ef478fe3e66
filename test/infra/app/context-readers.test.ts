import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { InvalidSettingError } from '../../../definition/errors.js';
import { OrganizationId } from '../../../definition/names.js';
import {
  DEFAULT_RULE_DESCRIPTION,
  DEFAULT_RULE_SETTINGS,
  SETTINGS,
} from '../../../definition/settings.js';
import {
  readDeployment,
  readPackaging,
  readRuleSettings,
  readSetting,
} from '../../../infra/app/context-readers.js';
import { errorOf } from '../support.js';

const app = (context: Record<string, unknown> = {}) => new App({ context });

describe('readRuleSettings', () => {
  it('gives the defaults when nothing is set', () => {
    expect(readRuleSettings(app())).toEqual({
      ruleName: 'root-access-key-rule',
      frequency: 'TwentyFour_Hours',
      ignoreInactiveKeys: false,
      rootWithoutCredentials: 'COMPLIANT',
      description: DEFAULT_RULE_DESCRIPTION,
      logRetentionDays: 365,
      securityHubFindings: false,
    });
    expect(readRuleSettings(app())).toEqual({
      ...DEFAULT_RULE_SETTINGS,
      logRetentionDays: 365,
      securityHubFindings: false,
    });
  });

  it('reads every key as -c gives it (strings)', () => {
    expect(
      readRuleSettings(
        app({
          ruleName: 'Root-Keys',
          frequency: 'One_Hour',
          ignoreInactiveKeys: 'TRUE',
          rootWithoutCredentials: 'NOT_APPLICABLE',
          logRetentionDays: '30',
          securityHubFindings: 'True',
        }),
      ),
    ).toEqual({
      ruleName: 'Root-Keys',
      frequency: 'One_Hour',
      ignoreInactiveKeys: true,
      rootWithoutCredentials: 'NOT_APPLICABLE',
      description: DEFAULT_RULE_DESCRIPTION,
      logRetentionDays: 30,
      securityHubFindings: true,
    });
  });

  it('reads JSON values as cdk.json gives them', () => {
    const settings = readRuleSettings(app({ ignoreInactiveKeys: true, logRetentionDays: 3653 }));
    expect(settings.ignoreInactiveKeys).toBe(true);
    expect(settings.logRetentionDays).toBe(3653);
  });

  it('treats an empty value (-c key=) as not set', () => {
    expect(readRuleSettings(app({ ruleName: '', frequency: '' }))).toEqual({
      ...DEFAULT_RULE_SETTINGS,
      logRetentionDays: 365,
      securityHubFindings: false,
    });
  });

  it.each([
    ['frequency', 'Daily', 'One_Hour, Three_Hours, Six_Hours, Twelve_Hours, TwentyFour_Hours'],
    ['ignoreInactiveKeys', 'yes', 'true, false'],
    ['rootWithoutCredentials', 'NON_COMPLIANT', 'COMPLIANT, NOT_APPLICABLE'],
    ['ruleName', 'root_access_key', 'letters, digits and hyphens'],
    ['ruleName', '1-rule', 'starts with a letter'],
    ['logRetentionDays', '10', '1, 3, 5, 7, 14, 30'],
    ['logRetentionDays', 'forever', '3653'],
  ])('rejects %s=%s, naming the key, the value and the allowed values', (key, value, allowed) => {
    const error = errorOf(() => readRuleSettings(app({ [key]: value })));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain(`context key "${key}"`);
    expect(error.message).toContain(`received "${value}"`);
    expect(error.message).toContain(allowed);
  });
});

describe('readPackaging and readDeployment', () => {
  it('default to a conformance pack in one account', () => {
    expect(readPackaging(app())).toBe('conformance-pack');
    expect(readDeployment(app())).toBe('account');
  });

  it('read the other values', () => {
    expect(readPackaging(app({ packaging: 'rule' }))).toBe('rule');
    expect(readDeployment(app({ deployment: 'organization' }))).toBe('organization');
  });

  it('reject other values with the allowed ones', () => {
    expect(errorOf(() => readPackaging(app({ packaging: 'pack' }))).message).toBe(
      'Invalid context key "packaging": received "pack"; allowed: conformance-pack, rule',
    );
    expect(errorOf(() => readDeployment(app({ deployment: 'org' }))).message).toBe(
      'Invalid context key "deployment": received "org"; allowed: account, organization',
    );
  });
});

describe('readSetting', () => {
  it('fails clearly when a required key is missing', () => {
    expect(errorOf(() => readSetting(app(), SETTINGS.organizationId)).message).toBe(
      `Missing context key "organizationId": it is required; allowed: ${OrganizationId.description} (set it with -c organizationId=...)`,
    );
    const list = errorOf(() =>
      readSetting(app({ organizationalUnitIds: ' , ' }), SETTINGS.organizationalUnitIds),
    );
    expect(list.message).toContain('Missing context key "organizationalUnitIds"');
    expect(list.message).toContain('(set it with -c organizationalUnitIds=...)');
  });

  it('returns the default of an optional key', () => {
    expect(readSetting(app(), SETTINGS.aggregatorName)).toBe('root-access-key-rule-organization');
    expect(readSetting(app(), SETTINGS.excludedAccounts)).toEqual([]);
  });

  it('matches keywords in any case and gives their canonical spelling (the one spelling rule)', () => {
    const settings = readRuleSettings(
      app({
        frequency: 'one_hour',
        rootWithoutCredentials: ' not_applicable ',
        ignoreInactiveKeys: 'True',
      }),
    );
    expect(settings).toMatchObject({
      frequency: 'One_Hour',
      rootWithoutCredentials: 'NOT_APPLICABLE',
      ignoreInactiveKeys: true,
    });
    expect(readPackaging(app({ packaging: 'RULE' }))).toBe('rule');
  });

  it('keeps names exact: a rule name is not a keyword', () => {
    expect(readRuleSettings(app({ ruleName: 'Root-Keys' })).ruleName).toBe('Root-Keys');
  });
});
