import { describe, expect, it } from 'vitest';
import {
  embeddedTemplates,
  parseEnvironment,
  resolveBody,
  type Template,
} from '../../../scripts/cfn-lint/embedded.js';

const env = parseEnvironment('aws://123456789012/eu-west-1');
const template: Template = {
  Resources: {
    Fn: { Type: 'AWS::Lambda::Function' },
    Role: { Type: 'AWS::IAM::Role' },
    Topic: { Type: 'AWS::SNS::Topic' },
    Pack: {
      Type: 'AWS::Config::ConformancePack',
      Properties: {
        TemplateBody: { 'Fn::Join': ['', ['Source: ', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '\n']] },
      },
    },
    Set: {
      Type: 'AWS::CloudFormation::StackSet',
      Properties: { TemplateBody: '{"Resources": {}}' },
    },
  },
};

describe('embeddedTemplates', () => {
  it('writes out StackSet and conformance pack bodies with the ARNs CloudFormation puts in', () => {
    expect(embeddedTemplates(template, env)).toEqual([
      {
        logicalId: 'Pack',
        kind: 'conformance-pack',
        format: 'yaml',
        body: 'Source: arn:aws:lambda:eu-west-1:123456789012:function:Fn\n',
      },
      { logicalId: 'Set', kind: 'stackset', format: 'json', body: '{"Resources": {}}' },
    ]);
  });

  it('resolves role ARNs and pseudo parameters', () => {
    expect(
      resolveBody(
        { 'Fn::Join': [':', [{ 'Fn::GetAtt': ['Role', 'Arn'] }, { Ref: 'AWS::Partition' }]] },
        template,
        parseEnvironment('aws://123456789012/cn-north-1'),
      ),
    ).toBe('arn:aws-cn:iam::123456789012:role/Role:aws-cn');
  });

  it('refuses an intrinsic it cannot stand in for, naming it', () => {
    expect(() => resolveBody({ 'Fn::GetAtt': ['Topic', 'Arn'] }, template, env)).toThrow(
      'an embedded template refers to the Arn of Topic (AWS::SNS::Topic): expected a Lambda function or an IAM role; teach scripts/cfn-lint/embedded.ts its ARN',
    );
    expect(() => resolveBody({ Ref: 'Param' }, template, env)).toThrow(
      'an embedded template holds {"Ref":"Param"}: expected a string, Fn::Join, Fn::GetAtt <resource>.Arn or a pseudo parameter Ref',
    );
  });

  it('lints an environment-agnostic stack as one in us-east-1, and refuses an environment it cannot read', () => {
    expect(parseEnvironment('aws://unknown-account/unknown-region')).toEqual({
      account: '123456789012',
      region: 'us-east-1',
      partition: 'aws',
    });
    expect(() => parseEnvironment('aws://123/eu-west-1')).toThrow(
      "the stack's environment is aws://123/eu-west-1: expected aws://<12-digit account>/<region> (synthesize with an explicit env)",
    );
  });
});
