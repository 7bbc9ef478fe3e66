import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, BootstraplessSynthesizer, type IStackSynthesizer } from 'aws-cdk-lib';
import type { CloudFormationTemplate } from '../organization/member-role-template.js';
import { RootKeyForwarderStack } from './forwarder-stack.js';

/** Options of {@link renderForwarderTemplate}. */
export interface ForwarderTemplateOptions {
  /** The rule's name. */
  readonly ruleName: string;
  /** Feature flags (`@aws-cdk/...`) of the enclosing app. @default none */
  readonly featureFlags?: Readonly<Record<string, unknown>>;
}

/**
 * Renders the template of a {@link RootKeyForwarderStack} (parameters for
 * the bus and the home Region), as the StackSet deploys it to member
 * accounts; synthesized in an isolated app into a temporary directory.
 */
export function renderForwarderTemplate(options: ForwarderTemplateOptions): CloudFormationTemplate {
  const outdir = mkdtempSync(join(tmpdir(), 'forwarder-template-'));
  try {
    const flags = Object.fromEntries(
      Object.entries(options.featureFlags ?? {}).filter(([key]) => key.startsWith('@aws-cdk')),
    );
    const app = new App({
      outdir,
      autoSynth: false,
      analyticsReporting: false,
      stackTraces: false,
      context: { ...flags, 'aws:cdk:enable-path-metadata': false },
    });
    const stack = new RootKeyForwarderStack(app, 'ForwarderTemplate', {
      ruleName: options.ruleName,
      synthesizer: new BootstraplessSynthesizer() as IStackSynthesizer,
    });
    return app.synth().getStackByName(stack.stackName).template as CloudFormationTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
