import { MAX_CLOCK_SKEW_MS } from '../../root-access/aws-clock.js';
import { formatDuration, formatTime } from './plan.js';

/**
 * Why `--apply` may not run with this clock, or undefined: AWS's clock must
 * be known (a `Date` header seen) and the local one within
 * {@link MAX_CLOCK_SKEW_MS} of it. `skewMs` is AWS's clock minus the local
 * one; `awsNow` AWS's time. Pure.
 */
export function clockRefusal(skewMs: number | undefined, awsNow: Date): string | undefined {
  if (skewMs === undefined) {
    return "AWS's clock is unknown (its answers carried no Date header), so idle times cannot be checked against it; --apply refuses";
  }
  if (Math.abs(skewMs) <= MAX_CLOCK_SKEW_MS) return undefined;
  const way = skewMs < 0 ? 'ahead of' : 'behind';
  return `The local clock is ${formatDuration(Math.abs(skewMs))} ${way} AWS's (AWS says ${formatTime(awsNow)}); --apply refuses beyond ${formatDuration(MAX_CLOCK_SKEW_MS)}: set the clock right (NTP) and run again`;
}
