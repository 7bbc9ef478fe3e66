import { App, Aws, type Stack } from 'aws-cdk-lib';
import { buildApp } from '../../infra/app/build-app.js';

/**
 * This repository's CDK app, as `npm run synth -- -c key=value` builds it,
 * for an integration test: `context` holds the context keys; the stack is
 * environment-agnostic, so the committed snapshot names no account or
 * Region, whoever deploys it.
 *
 * integ-runner hands the app a context entry named `default` along with the
 * feature flags; the app refuses unknown context keys, so that one is dropped.
 */
export function integApp(context: Readonly<Record<string, string>>): { app: App; stack: Stack } {
  const given = JSON.parse(process.env.CDK_CONTEXT_JSON ?? '{}') as Record<string, unknown>;
  delete given.default;
  process.env.CDK_CONTEXT_JSON = JSON.stringify(given);
  const app = new App({ context });
  const stack = buildApp(app, { account: Aws.ACCOUNT_ID, region: Aws.REGION });
  return { app, stack };
}
