import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderPackTemplate } from '../../../../definition/pack-template.js';
import { run } from '../../capture-io.js';

const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:111111111111:function:root-access-key-rule';

describe('pack-template', () => {
  it('prints the same YAML the shared renderer gives, with the defaults', async () => {
    const { code, stdout } = await run(['pack-template', '--function-arn', FUNCTION_ARN]);

    expect(code).toBe(0);
    expect(stdout).toBe(renderPackTemplate({ functionArn: FUNCTION_ARN }).toYaml());
  });

  it('passes every option to the template', async () => {
    const { code, stdout } = await run([
      'pack-template',
      '--function-arn',
      FUNCTION_ARN,
      '--rule-name',
      'root-keys',
      '--frequency',
      'six_hours',
      '--ignore-inactive-keys',
      '--root-without-credentials',
      'not_applicable',
      '--execution-role-name',
      'RootAccessKeyRuleMember',
    ]);

    expect(code).toBe(0);
    const properties = parse(stdout).Resources.RootAccessKeyRule.Properties;
    expect(properties).toMatchObject({
      ConfigRuleName: 'root-keys',
      MaximumExecutionFrequency: 'Six_Hours',
      InputParameters: {
        IgnoreInactiveKeys: 'true',
        RootWithoutCredentials: 'NOT_APPLICABLE',
        ExecutionRoleName: 'RootAccessKeyRuleMember',
      },
      Source: { Owner: 'CUSTOM_LAMBDA', SourceIdentifier: FUNCTION_ARN },
    });
  });

  it('prints YAML even when stdout is a pipe, and JSON only when asked', async () => {
    const json = await run(['--output', 'json', 'pack-template', '--function-arn', FUNCTION_ARN]);

    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(renderPackTemplate({ functionArn: FUNCTION_ARN }).body);
  });
});
