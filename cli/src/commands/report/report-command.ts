import { type Command, InvalidArgumentError } from 'commander';
import { DefaultName } from '../../../../definition/names.js';
import { parseDuration, timeoutOption } from '../../duration.js';
import type { ExitCode } from '../../exit-codes.js';
import { addCommandGlobalOptions, globalOptions } from '../../global-options.js';
import type { CliIo } from '../../io.js';
import { announceNodeSupport } from '../../node-support.js';
import {
  DEFAULT_CONCURRENCY,
  parseAggregatorName,
  parseConcurrency,
  parsePackName,
  parseRuleName,
} from '../../options.js';
import { CommandName } from '../../output/format.js';
import type { ReportCommandOptions } from './report-command-options.js';
import { MAX_RESULT_AGE_LIMIT_MS } from './result-age.js';

const EXAMPLES = `
Examples:
  $ root-access-key-rule report --aggregator root-access-key-rule-organization --region eu-west-1
  $ root-access-key-rule report --aggregator my-aggregator --rule-name my-root-key-rule --output json
  $ root-access-key-rule report --aggregator root-access-key-rule-organization --output html > report.html

With an organization conformance pack (found under --pack-name, by default
the rule name), a result counts only from the pack's rule
(<name>-conformance-pack-<suffix>) in the pack's Region, in an account where
the pack did not fail; any other result of the name is IGNORED, and two rules
claiming to be the pack's in one account and Region are a CONFLICT (exit 2).
Without one, the rule counts under its own name and the names Config gives it
(<name>-conformance-pack-<suffix>, OrgConfigRule-<name>-<suffix>).

A result older than the maximum age is STALE (exit 2): Config keeps the last
result when the rule fails. The age is judged by AWS's clock (the Date header
of Config's answers); the maximum is twice the deployed rule's period where
the caller's account holds the rule, else 48 hours, or --max-result-age.

Aggregators return only COMPLIANT and NON_COMPLIANT results: an account where
the rule reported NOT_APPLICABLE shows as INSUFFICIENT_DATA, like one not
evaluated yet, and exits 2 unless --allow-insufficient-data is given.

Where the caller may list the organization (management account or delegated
administrator), every ACTIVE account gets a row: an account the aggregator
holds nothing for is EXCLUDED (by the organization conformance pack) or
NO_RESULT (with the pack's deployment status there), and NO_RESULT exits 2
unless --allow-missing-accounts is given. Accounts that are not ACTIVE are
left out and named in the summary.`;

/** The `report` command: the rule's results across an organization, from a Config aggregator. */
export function addReportCommand(
  program: Command,
  io: CliIo,
  finish: (code: ExitCode) => void,
): Command {
  return addCommandGlobalOptions(program.command('report'), CommandName.Report)
    .description("read the rule's results for every account from an AWS Config aggregator")
    .requiredOption(
      '--aggregator <name>',
      `name of the Config aggregator (the organization deployment names it ${DefaultName.aggregator})`,
      parseAggregatorName,
    )
    .option(
      '--rule-name <name>',
      "the rule's name before any suffix",
      parseRuleName,
      DefaultName.rule,
    )
    .option('--concurrency <n>', 'accounts read at once', parseConcurrency, DEFAULT_CONCURRENCY)
    .addOption(timeoutOption())
    .option(
      '--allow-insufficient-data',
      'do not exit 2 for INSUFFICIENT_DATA rows (no COMPLIANT or NON_COMPLIANT result, as when the rule reports NOT_APPLICABLE); they are still printed, with a note',
    )
    .option(
      '--allow-missing-accounts',
      'do not exit 2 for ACTIVE accounts of the organization that the aggregator holds nothing for (NO_RESULT); they are still printed, with a note',
    )
    .option(
      '--pack-name <name>',
      'the organization conformance pack that deploys the rule, for excluded accounts and deployment status (default: the rule name)',
      parsePackName,
    )
    .option(
      '--max-result-age <duration>',
      "count only results recorded within this age, e.g. 36h, 3d, 1d12h (default: twice the deployed rule's period, else 48h); older ones are STALE",
      parseMaxResultAge,
    )
    .addHelpText('after', EXAMPLES)
    .action(async (options: ReportCommandOptions, command: Command) => {
      announceNodeSupport(io.stderr);
      const { runReport } = await import('./report-run.js');
      finish(await runReport(options, globalOptions(command), io));
    });
}

/** Parses `--max-result-age`: a duration (`36h`, `3d`, `1d12h`, as `parseDuration` reads), more than 0, at most 366 days. */
export function parseMaxResultAge(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0 || ms > MAX_RESULT_AGE_LIMIT_MS) {
    throw new InvalidArgumentError(
      'Allowed: a duration such as 36h, 3d or 1d12h, more than 0 and at most 366d.',
    );
  }
  return ms;
}
