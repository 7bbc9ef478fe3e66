import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../../../infra/app/build-app.js';
import { CDK_JSON_CONTEXT, TEST_ENV } from '../../infra/support.js';

const run = promisify(execFile);
const HOST = join(import.meta.dirname, 'invoke-bundle.mjs');

/** The alert function as the synthesized template deploys it. */
export interface DeployedAlertFunction {
  /** The asset directory in cdk.out the template's code points at. */
  readonly assetDir: string;
  /** The template's `Handler`. */
  readonly handler: string;
  /** The template's environment variables, intrinsic functions resolved. */
  readonly environment: Readonly<Record<string, string>>;
  /** The ARN the topic of the deployment gets (what `Ref` of the topic resolves to). */
  readonly topicArn: string;
}

interface TemplateResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly Metadata?: Record<string, string>;
}

/**
 * Synthesizes the repository's app with this context into a cdk.out of its
 * own (the test environment: account 111111111111, eu-west-1), and finds the
 * alert function in the stack's template: its asset, its handler and its
 * environment, with `Ref` of the topic resolved to the ARN the topic would
 * get. Any other intrinsic in the environment fails.
 */
export function deployedAlertFunction(context: Record<string, unknown>): DeployedAlertFunction {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk.out-acceptance-'));
  // Asset metadata, as the CDK CLI asks for it: where each function's code is in cdk.out.
  const app = new App({
    outdir,
    context: { ...CDK_JSON_CONTEXT, 'aws:cdk:enable-asset-metadata': true, ...context },
  });
  const stack = buildApp(app, TEST_ENV);
  const assembly = app.synth();
  const template = assembly.getStackArtifact(stack.artifactId).template as {
    Resources: Record<string, TemplateResource>;
  };
  const entries = Object.entries(template.Resources);
  const found = entries.find(
    ([, resource]) =>
      resource.Type === 'AWS::Lambda::Function' &&
      JSON.stringify(resource.Properties.Environment ?? {}).includes('ALERTS_TOPIC_ARN'),
  );
  if (found === undefined) throw new Error('the template deploys no alert function');
  const [, fn] = found;
  const topicId = entries.find(([, resource]) => resource.Type === 'AWS::SNS::Topic')?.[0];
  const topicArn = `arn:aws:sns:${TEST_ENV.region}:${TEST_ENV.account}:${stack.stackName}-${topicId}`;
  const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
  const environment = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => {
      if (typeof value === 'string') return [name, value];
      if (JSON.stringify(value) === JSON.stringify({ Ref: topicId })) return [name, topicArn];
      throw new Error(`cannot resolve ${name}: ${JSON.stringify(value)}`);
    }),
  );
  const assetPath = fn.Metadata?.['aws:asset:path'];
  if (assetPath === undefined) throw new Error('the alert function has no asset path');
  return {
    assetDir: join(outdir, assetPath),
    handler: String(fn.Properties.Handler),
    environment,
    topicArn,
  };
}

/** What one invocation of the bundle gave. */
export type Invocation =
  | {
      readonly ok: true;
      readonly result: { readonly kind: string; readonly reason?: string };
      readonly loadedMs: number;
      readonly handlerMs: number;
    }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string } };

/**
 * Invokes the deployed bundle once, in a process of its own (a cold start),
 * with the template's environment and `env` on top (the endpoint's URLs and
 * credentials), and no other AWS variable of this process.
 */
export async function invokeDeployed(
  fn: DeployedAlertFunction,
  env: Readonly<Record<string, string>>,
  event: unknown,
): Promise<Invocation> {
  const eventFile = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(eventFile, JSON.stringify(event));
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('AWS_') && name !== 'NODE_OPTIONS',
    ),
  );
  const { stdout } = await run(process.execPath, [HOST, fn.assetDir, fn.handler, eventFile], {
    env: { ...base, ...fn.environment, ...env, AWS_LAMBDA_FUNCTION_NAME: 'alert' },
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Invocation;
}
