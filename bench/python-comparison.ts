import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cleanEnv, launch } from './cold-load.js';
import { median, round } from './stats.js';

/** Cold load of an equivalent boto3 rule, for comparison (informational, no budget). */
export interface PythonComparison {
  readonly runs: number;
  readonly python: string;
  readonly boto3: string;
  /** Median wall time of `python3 -c pass`, in ms. */
  readonly barePythonMs: number;
  /** Median wall time of `python3 -c "import boto3_rule"` (boto3 and two clients), in ms. */
  readonly ruleProcessMs: number;
  readonly ratio: number;
}

const RULE_DIR = fileURLToPath(new URL('./python', import.meta.url));

/**
 * Times bare Python against importing `python/boto3_rule.py` (boto3 plus IAM
 * and Config clients, as a Python rule loads them), interleaved. Undefined
 * when python3 or boto3 is not installed.
 */
export function measurePythonComparison(runs: number): PythonComparison | undefined {
  const env = cleanEnv({
    PYTHONPATH: RULE_DIR,
    PYTHONDONTWRITEBYTECODE: '1',
    AWS_DEFAULT_REGION: 'us-east-1',
  });
  const probe = spawnSync(
    'python3',
    ['-c', 'import sys, boto3; print(sys.version.split()[0], boto3.__version__)'],
    {
      env,
      encoding: 'utf8',
    },
  );
  if (probe.status !== 0) return undefined;
  const [python = '?', boto3 = '?'] = probe.stdout.trim().split(' ');
  const bare: number[] = [];
  const rule: number[] = [];
  for (let run = -1; run < runs; run++) {
    const bareMs = launch(['-c', 'pass'], env, 'python3').ms;
    const ruleMs = launch(['-c', 'import boto3_rule'], env, 'python3').ms;
    if (run < 0) continue;
    bare.push(bareMs);
    rule.push(ruleMs);
  }
  return {
    runs,
    python,
    boto3,
    barePythonMs: round(median(bare)),
    ruleProcessMs: round(median(rule)),
    ratio: round(median(rule) / median(bare), 2),
  };
}
