import type { Command } from 'commander';
import { DefaultName } from '../../../../definition/names.js';
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

const EXAMPLES = `
Examples:
  $ root-access-key-rule report --aggregator root-access-key-rule-organization --region eu-west-1
  $ root-access-key-rule report --aggregator my-aggregator --rule-name my-root-key-rule --output json
  $ root-access-key-rule report --aggregator root-access-key-rule-organization --output html > report.html

Finds the rule under its own name and the names Config gives it in member
accounts (<name>-conformance-pack-<suffix>, OrgConfigRule-<name>-<suffix>).
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
    .addHelpText('after', EXAMPLES)
    .action(async (options: ReportCommandOptions, command: Command) => {
      announceNodeSupport(io.stderr);
      const { runReport } = await import('./report-run.js');
      finish(await runReport(options, globalOptions(command), io));
    });
}
