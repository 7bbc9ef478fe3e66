import { App, Stack } from 'aws-cdk-lib';
import type { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../cli/src/program.js';
import { InvalidSettingError } from '../../definition/errors.js';
import { renderPackTemplate } from '../../definition/pack-template.js';
import { type Setting, SettingScope, SettingType } from '../../definition/setting.js';
import {
  DEFAULT_RULE_SETTINGS,
  PARAMETER_SETTINGS,
  ParameterName,
} from '../../definition/settings.js';
import { SETTING_ROWS, SETTINGS } from '../../definition/settings-table.js';
import { RootAccessKeyRuleStack } from '../../infra/account-stack.js';
import { buildApp } from '../../infra/app/build-app.js';
import {
  assertKnownContextKeys,
  ContextKey,
  ORGANIZATION_CONTEXT_KEYS,
} from '../../infra/app/context-keys.js';
import { RootAccessKeyConformancePack } from '../../infra/constructs/root-access-key-conformance-pack.js';
import { RootAccessKeyRule } from '../../infra/constructs/root-access-key-rule.js';
import { OrganizationStack } from '../../infra/organization/organization-stack.js';
import { InvalidParameterError } from '../../rule/src/core/errors.js';
import { parseRuleParameters } from '../../rule/src/core/parameters.js';
import { drawParameters } from '../../soak/parameters.js';
import { Random } from '../../soak/random.js';
import { errorOf, TEST_ENV } from '../infra/support.js';

/*
 * Every surface of a setting is derived from its row of SETTINGS: these tests
 * go through the rows, not through a list of names, so a new row is checked
 * on every surface it declares without a change here.
 */

const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:111111111111:function:root-access-key-rule';

/** A value no kind of setting accepts: not a string, a number, a boolean or an array. */
const INVALID = { not: 'a setting value' };

/** A valid value of a row: its default, else its example. */
function validValue(row: Setting): unknown {
  return row.defaultValue ?? row.example;
}

/** A valid value as the CDK's `-c key=value`, the command line and Config give it: text. */
function asText(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

const withContext = SETTING_ROWS.filter((row) => row.contextKey !== undefined);
const withParameter = SETTING_ROWS.filter((row) => row.parameter !== undefined);
const withFlag = SETTING_ROWS.filter((row) => row.cli !== undefined);
const withKeywords = SETTING_ROWS.filter(
  (row) => row.choices?.every((choice) => typeof choice !== 'number') === true,
);
const names = (rows: readonly Setting[]) => rows.map((row) => [row.name, row] as const);

describe('the settings table', () => {
  it.each(names(SETTING_ROWS))(
    '%s: is named by its key and has a valid value to show',
    (name, row) => {
      expect(SETTINGS[name as keyof typeof SETTINGS]).toBe(row);
      expect(row.description.length).toBeGreaterThan(10);
      expect(row.allowed.length).toBeGreaterThan(3);
      expect(row.required).toBe(row.defaultValue === undefined && row.required);
      const value = validValue(row);
      expect(value).toBeDefined();
      expect(row.parse('option x', value)).toEqual(value);
      expect(row.parse('option x', asText(value))).toEqual(value);
    },
  );

  it.each(names(SETTING_ROWS))('%s: refuses an invalid value, naming the label', (_name, row) => {
    const error = errorOf(() => row.parse('option x', INVALID));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain('Invalid option x: received the object');
    expect(error).toMatchObject({ label: 'option x' });
  });

  it.each(names(withKeywords))(
    '%s: matches its keywords in any case (the one spelling rule)',
    (_name, row) => {
      for (const choice of row.choices ?? []) {
        const text = String(choice);
        expect(row.parse('option x', ` ${text.toUpperCase()} `)).toBe(choice);
        expect(row.parse('option x', text.toLowerCase())).toBe(choice);
      }
    },
  );

  it('gives the rule its defaults from the rows', () => {
    for (const row of SETTING_ROWS.filter((r) => r.scope === SettingScope.Rule)) {
      expect((DEFAULT_RULE_SETTINGS as Record<string, unknown>)[row.name]).toEqual(
        row.defaultValue,
      );
    }
  });
});

describe('the CDK context: a key per row that declares one', () => {
  it('lists exactly the context keys of the rows', () => {
    expect(Object.values(ContextKey)).toEqual(withContext.map((row) => row.contextKey));
    expect(ORGANIZATION_CONTEXT_KEYS).toEqual(
      withContext
        .filter((row) => row.scope === SettingScope.Organization)
        .map((row) => row.contextKey),
    );
    expect(() =>
      assertKnownContextKeys(Object.fromEntries(withContext.map((row) => [row.contextKey, 'x']))),
    ).not.toThrow();
  });

  it.each(names(withContext))('%s: the app reads its key with the row', (_name, row) => {
    const organization = row.scope === SettingScope.Organization;
    const context = {
      ...(organization
        ? {
            deployment: 'organization',
            organizationId: 'o-abcdefghij',
            organizationalUnitIds: 'r-ab12',
          }
        : {}),
      [row.contextKey as string]: INVALID,
    };
    const error = errorOf(() => buildApp(new App({ context })));
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toContain(`Invalid context key "${row.contextKey}": received the object`);
    expect(error.message).toContain(row.allowed);
  });
});

/** The constructs that take a row as a prop, by the row's scope. */
function constructsOf(row: Setting): [string, (props: object) => unknown][] {
  const stack = () => new Stack(new App(), 'Test', { env: TEST_ENV });
  const organization = { organizationId: 'o-abcdefghij', organizationalUnitIds: ['r-ab12'] };
  const accountStack: [string, (props: object) => unknown] = [
    'RootAccessKeyRuleStack',
    (props) => new RootAccessKeyRuleStack(new App(), 'Account', { env: TEST_ENV, ...props }),
  ];
  const organizationStack: [string, (props: object) => unknown] = [
    'OrganizationStack',
    (props) =>
      new OrganizationStack(new App(), 'Organization', {
        env: TEST_ENV,
        ...organization,
        ...props,
      }),
  ];
  if (row === SETTINGS.executionRoleName) {
    return [['option', (props) => renderPackTemplate({ functionArn: FUNCTION_ARN, ...props })]];
  }
  switch (row.scope) {
    case SettingScope.Rule:
      return [
        accountStack,
        organizationStack,
        ['RootAccessKeyRule', (props) => new RootAccessKeyRule(stack(), 'Rule', props)],
        [
          'RootAccessKeyConformancePack',
          (props) => new RootAccessKeyConformancePack(stack(), 'Pack', props),
        ],
      ];
    case SettingScope.Deployment:
      return [accountStack, organizationStack];
    case SettingScope.Account:
      return [accountStack];
    default:
      return [organizationStack];
  }
}

describe('construct props: one per row that is a prop, checked as its context key is', () => {
  it.each(names(SETTING_ROWS.filter((row) => row.prop)))(
    '%s: refused with the prop named on the construct the user created',
    (name, row) => {
      for (const [construct, create] of constructsOf(row)) {
        const error = errorOf(() => create({ [name]: INVALID }));
        expect(error).toBeInstanceOf(InvalidSettingError);
        expect(error.message).toContain(
          construct === 'option' ? `Invalid option ${name}` : `Invalid ${construct} prop ${name}`,
        );
        expect(error.message).toContain(row.allowed);
      }
    },
  );
});

describe('the pack template: an InputParameters entry per row with a parameter', () => {
  it('writes each parameter of the rows, as a string, and nothing else', () => {
    const options = Object.fromEntries(withParameter.map((row) => [row.name, validValue(row)]));
    const template = renderPackTemplate({ functionArn: FUNCTION_ARN, ...options });
    expect(template.body.Resources.RootAccessKeyRule.Properties.InputParameters).toEqual(
      Object.fromEntries(withParameter.map((row) => [row.parameter, asText(validValue(row))])),
    );
    expect(Object.values(ParameterName)).toEqual(withParameter.map((row) => row.parameter));
  });
});

describe("the rule's parameter parser: each row with a parameter", () => {
  it.each(names(withParameter))('%s: is read with the row', (name, row) => {
    const parameter = row.parameter as string;
    const { parameters } = parseRuleParameters(
      JSON.stringify({ [parameter]: asText(validValue(row)) }),
    );
    expect((parameters as Record<string, unknown>)[name]).toEqual(validValue(row));
    const error = errorOf(() => parseRuleParameters(JSON.stringify({ [parameter]: '::' })));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.message).toContain(
      `Rule parameter ${parameter} has an invalid value: received "::"`,
    );
    expect(error.cause).toBeInstanceOf(InvalidSettingError);
  });

  it('the soak draws a value for every parameter with choices', () => {
    expect(Object.keys(drawParameters(new Random(7))).sort()).toEqual(
      PARAMETER_SETTINGS.filter((row) => row.choices !== undefined)
        .map((row) => row.name)
        .sort(),
    );
  });
});

describe('the command line: an option per row that declares a flag', () => {
  const program = createProgram(
    { stdout: { write: () => true }, stderr: { write: () => true } },
    () => undefined,
  );
  const optionOf = (command: string, flag: string): Option | undefined =>
    program.commands
      .find((candidate) => candidate.name() === command)
      ?.options.find((option) => option.flags === flag);

  it.each(names(withFlag))(
    '%s: every command it names offers it, parsed by the row',
    (_name, row) => {
      for (const command of row.cli?.commands ?? []) {
        const option = optionOf(command, row.cli?.flag ?? '');
        expect(option, `${command} ${row.cli?.flag}`).toBeDefined();
        if (row.type === SettingType.Boolean) continue;
        expect(option?.defaultValue).toEqual(row.defaultValue);
        expect(option?.parseArg?.(asText(validValue(row)), undefined)).toEqual(validValue(row));
        expect(() => option?.parseArg?.('::', undefined)).toThrow(`Allowed: ${row.allowed}.`);
      }
    },
  );
});
