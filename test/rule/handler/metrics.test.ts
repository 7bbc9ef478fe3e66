import { GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { serviceError } from '../../support/service-error.js';
import {
  accountSummary,
  context,
  iamMock,
  newHandler,
  reportFixture,
  scheduledEvent,
  useHandlerMocks,
} from './support.js';

const logs = useHandlerMocks();

interface EmfLine {
  readonly _aws: {
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { readonly Name: string; readonly Unit: string }[];
    }[];
  };
  readonly [field: string]: unknown;
}

/** The embedded-metric-format lines printed in the running test. */
function emfLines(): EmfLine[] {
  return logs()
    .entries()
    .filter((entry) => '_aws' in entry) as unknown as EmfLine[];
}

/** Each metric printed, as `name{dimension=value,…}=value`. */
function metricsPrinted(): string[] {
  return emfLines().flatMap((line) =>
    line._aws.CloudWatchMetrics.flatMap((directive) => {
      expect(directive.Namespace).toBe('RootAccessKeyRule');
      const dimensions = (directive.Dimensions[0] ?? [])
        .map((name) => `${name}=${String(line[name])}`)
        .join(',');
      return directive.Metrics.map(
        (metric) => `${metric.Name}{${dimensions}}=${String(line[metric.Name])}`,
      );
    }),
  );
}

describe('handler: metrics in CloudWatch embedded metric format', () => {
  it('counts an evaluation, in total and by its result', async () => {
    accountSummary(2, 1);
    reportFixture('root-two-keys');

    await newHandler()(scheduledEvent(), context);

    expect(metricsPrinted().sort()).toEqual([
      'Evaluations{service=root-access-key-rule,Compliance=NON_COMPLIANT}=1',
      'Evaluations{service=root-access-key-rule}=1',
    ]);
  });

  it('counts a failure, in total and by its cause, and no evaluation', async () => {
    iamMock
      .on(GetAccountSummaryCommand)
      .rejects(serviceError('iam', 'AccessDenied', 'denied', 403));

    await expect(newHandler()(scheduledEvent(), context)).rejects.toThrow();

    expect(metricsPrinted().sort()).toEqual([
      'EvaluationFailures{service=root-access-key-rule,Cause=AccessDeniedError}=1',
      'EvaluationFailures{service=root-access-key-rule}=1',
    ]);
  });

  it('counts an event it refuses as a failure by cause', async () => {
    await expect(newHandler()({ not: 'a config event' }, context)).rejects.toThrow();

    expect(metricsPrinted()).toContain(
      'EvaluationFailures{service=root-access-key-rule,Cause=InvalidEventError}=1',
    );
  });
});
