import type { BenchResults } from './results.js';

/**
 * Formats rows as aligned columns. `align` has one letter per column, `l`
 * (left) or `r` (right). @default first column left, the others right
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align = `l${'r'.repeat(header.length - 1)}`,
): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  return all
    .map((row) =>
      row
        .map((cell, column) =>
          align[column] === 'r'
            ? cell.padStart(widths[column] ?? 0)
            : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const usd = (value: number) => `$${value.toPrecision(3)}`;

/** Renders the results as the table the bench prints. */
export function render(results: BenchResults): string {
  const { machine, bundle, coldLoad, python } = results;
  const lines: string[] = [];
  lines.push(
    `root-access-key-rule bench, ${results.generatedAt}: Node ${machine.node}, ${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAverageAtStart} at start`,
  );
  lines.push('');
  lines.push(
    `1. Deployable bundle: ${bundle.entryFile} (${bundle.stack}/${bundle.logicalId}, ${bundle.runtime} ${bundle.architectures.join(',')}, ${bundle.memorySizeMb ?? '?'} MB)`,
  );
  const rows1 = [
    [
      'size',
      `${kib(bundle.size.assetBytes)} raw, ${kib(bundle.size.assetGzipBytes)} gzipped, ${bundle.size.files} file(s); entry ${kib(bundle.size.entryBytes)}`,
    ],
    [
      `cold load, whole process (median of ${coldLoad.runs}, interleaved)`,
      `node -e 0 ${ms(coldLoad.bareNodeMs)}, bundle ${ms(coldLoad.bundleProcessMs)}: ${coldLoad.ratio.toFixed(2)}×`,
    ],
    [`require(bundle) in process (median of ${coldLoad.runs})`, ms(coldLoad.requireMs)],
    ['first invocation after load (compliant, no modelled latency)', ms(results.firstInvocationMs)],
  ];
  if (python !== undefined) {
    rows1.push([
      `boto3 rule for comparison (median of ${python.runs})`,
      `python3 -c pass ${ms(python.barePythonMs)}, import rule ${ms(python.ruleProcessMs)}: ${python.ratio.toFixed(2)}×`,
    ]);
  }
  lines.push(table(['', ''], rows1, 'll').split('\n').slice(1).join('\n'));
  lines.push('');
  lines.push(
    '2. Warm latency of the bundled handler (local endpoint on 127.0.0.1, no modelled latency)',
  );
  lines.push(
    table(
      ['path', 'n', 'p50', 'p90', 'p99', 'max', 'calls/invocation'],
      results.warmLatency.map((run) => [
        `${run.path} (${run.compliance})`,
        int(run.ms.n),
        ms(run.ms.p50),
        ms(run.ms.p90),
        ms(run.ms.p99),
        ms(run.ms.max),
        String(run.callsPerInvocation),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    "3. AWS calls per evaluation, counted by the endpoint (@caller: the function's own credentials)",
  );
  lines.push(
    table(
      ['path', 'verdict', 'calls', 'sequence'],
      results.callsPerPath.map((path) => [
        path.path,
        path.compliance,
        String(path.total),
        path.calls.join(' → '),
      ]),
      'lrrl',
    ),
  );
  lines.push('');
  const { evaluate } = results;
  lines.push(
    `4. evaluate --organization over ${int(evaluate.accounts)} accounts (10% with a root key), modelled round trip ${evaluate.modelledLatencyMs} ms per call`,
  );
  lines.push(
    table(
      [
        'concurrency',
        'accounts/s',
        'vs linear',
        'evaluation',
        'whole command',
        'AWS calls',
        'tool CPU/account',
      ],
      evaluate.runs.map((run) => [
        String(run.concurrency),
        run.accountsPerSecond.toFixed(1),
        `${(run.scalingEfficiency * 100).toFixed(0)}%`,
        seconds(run.evaluateMs),
        seconds(run.totalMs),
        int(Object.values(run.calls).reduce((sum, count) => sum + count, 0)),
        ms(run.cpuMsPerAccount),
      ]),
      'rrrrrrr',
    ),
  );
  lines.push('');
  const { report, reportHtml } = results;
  lines.push(
    `5. report over an organization of ${int(report.accounts)} accounts (aggregator, OU tree, pack status), modelled round trip ${report.modelledLatencyMs} ms per call`,
  );
  lines.push(
    table(
      ['concurrency', 'time', 'tool CPU', 'rows', 'coverage', 'calls per API'],
      report.runs.map((run) => [
        String(run.concurrency),
        seconds(run.totalMs),
        seconds(run.cpuMs),
        int(run.rows),
        `${int(run.coverage.withResult)} of ${int(run.coverage.activeAccounts)}`,
        Object.entries(run.pages)
          .map(([api, pages]) => `${api.replace(/^\w+:/, '')} ${int(pages)}`)
          .join(', '),
      ]),
      'rrrrrl',
    ),
  );
  lines.push('');
  lines.push(
    `5b. The report as one HTML page: ${int(reportHtml.rows)} rows, ${kib(report.html.bytes)}, rendered in ${ms(report.html.renderMs)}; in Chromium (headless, 1280×900)`,
  );
  lines.push(
    table(
      ['action', 'time'],
      [
        ['open from disk (navigation to load event)', ms(reportHtml.loadMs)],
        [
          `filter to NON_COMPLIANT (${int(reportHtml.rowsShownAfterFilter)} rows shown)`,
          ms(reportHtml.filterCategoryMs),
        ],
        ['filter by a text matching one account', ms(reportHtml.filterTextMs)],
        ['clear the filter (every row again)', ms(reportHtml.clearMs)],
        ['sort every OU group by name', ms(reportHtml.sortMs)],
      ],
      'lr',
    ),
  );
  lines.push('');
  const { cost } = results;
  lines.push(
    `6. Estimated Lambda cost at ${cost.inputs.memoryMb} MB arm64, 24-hour frequency (CPU time × ${cost.cpuSlowdown} + calls × ${cost.inputs.roundTripMs} ms; ${cost.price.region} list price)`,
  );
  lines.push(
    table(
      ['scenario', 'billed', 'GB-s', 'per evaluation', 'per 1,000 accounts/day', 'per month'],
      cost.scenarios.map((scenario) => [
        scenario.name,
        `${scenario.billedMsPerEvaluation} ms`,
        scenario.gbSecondsPerEvaluation.toFixed(5),
        usd(scenario.usdPerEvaluation),
        usd(scenario.usdPer1000AccountsPerDay),
        usd(scenario.usdPer1000AccountsPerMonth),
      ]),
    ),
  );
  lines.push('');
  const { cliStart, cliFootprint } = results;
  lines.push('7. The command-line tool as installed');
  lines.push(
    table(
      ['measure', 'value'],
      [
        [`--help, spawn to exit (median of ${cliStart.runs})`, ms(cliStart.helpMs)],
        ['bare node -e 0, same runs', ms(cliStart.bareNodeMs)],
        ['ratio', `${cliStart.ratio.toFixed(2)}×`],
        ['packed tarball', kib(cliFootprint.tarballBytes)],
        [
          `installed alone: node_modules (${cliFootprint.packages} entries)`,
          `${cliFootprint.installedMb.toFixed(1)} MB`,
        ],
        [
          `installed bin --help (local or global install; median of ${cliFootprint.start.runs})`,
          ms(cliFootprint.start.installedBinMs),
        ],
        ['npx root-access-key-rule --help, same project', ms(cliFootprint.start.npxMs)],
        ['npx / installed bin', `${cliFootprint.start.npxRatio.toFixed(2)}×`],
      ],
      'lr',
    ),
  );
  lines.push('');
  lines.push('Budgets');
  lines.push(
    table(
      ['', 'budget', 'limit', 'measured'],
      results.budgets.map((budget) => [
        budget.pass ? 'PASS' : 'FAIL',
        budget.name,
        budget.limit,
        budget.measured,
      ]),
      'llll',
    ),
  );
  lines.push('');
  lines.push(`Done in ${results.durationSeconds} s.`);
  return lines.join('\n');
}
