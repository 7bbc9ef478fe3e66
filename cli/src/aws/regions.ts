import { InvalidRegionError } from '../errors.js';

/**
 * The AWS partitions and the names of their Regions, as the AWS SDK's
 * endpoint rules define them (`regionRegex` of its partitions), with the
 * pseudo-Region that selects each partition's global endpoints.
 */
export const PARTITION_REGIONS = {
  aws: {
    pattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    global: 'aws-global',
    example: 'us-east-1',
  },
  'aws-cn': { pattern: /^cn-\w+-\d+$/, global: 'aws-cn-global', example: 'cn-north-1' },
  'aws-us-gov': {
    pattern: /^us-gov-\w+-\d+$/,
    global: 'aws-us-gov-global',
    example: 'us-gov-west-1',
  },
  'aws-iso': { pattern: /^us-iso-\w+-\d+$/, global: 'aws-iso-global', example: 'us-iso-east-1' },
  'aws-iso-b': {
    pattern: /^us-isob-\w+-\d+$/,
    global: 'aws-iso-b-global',
    example: 'us-isob-east-1',
  },
  'aws-iso-e': {
    pattern: /^eu-isoe-\w+-\d+$/,
    global: 'aws-iso-e-global',
    example: 'eu-isoe-west-1',
  },
  'aws-iso-f': {
    pattern: /^us-isof-\w+-\d+$/,
    global: 'aws-iso-f-global',
    example: 'us-isof-south-1',
  },
  'aws-eusc': { pattern: /^eusc-de-\w+-\d+$/, global: undefined, example: 'eusc-de-east-1' },
} as const;

/** A partition id: `aws`, `aws-cn`, `aws-us-gov`, … */
export type Partition = keyof typeof PARTITION_REGIONS;

/** What a Region name looks like, for messages. */
export const REGION_EXAMPLES = 'an AWS Region name such as eu-west-1, us-gov-west-1 or cn-north-1';

/**
 * The partition of a Region name, or undefined when it is none: an
 * `fips-` prefix or `-fips` suffix (the SDK's FIPS pseudo-Regions) is
 * allowed, as are the global pseudo-Regions (`aws-global`).
 *
 * @example
 * partitionOfRegion('us-gov-west-1'); // 'aws-us-gov'
 * partitionOfRegion('mars-north-9'); // undefined
 */
export function partitionOfRegion(region: string): Partition | undefined {
  const name = region.replace(/^fips-/, '').replace(/-fips$/, '');
  for (const [partition, { pattern, global }] of Object.entries(PARTITION_REGIONS)) {
    if (pattern.test(name) || name === global) return partition as Partition;
  }
  return undefined;
}

/**
 * Checks that `region` is an AWS Region name before any call is made with it
 * (an unknown name would otherwise end in DNS failures after every retry).
 *
 * @param source where the Region came from, for the message (`--region`)
 * @throws InvalidRegionError saying what was received and what is allowed
 */
export function checkRegionName(region: string, source: string): Partition {
  const partition = partitionOfRegion(region);
  if (partition !== undefined) return partition;
  const received = region === '' ? 'an empty Region' : `Region ${JSON.stringify(region)}`;
  throw new InvalidRegionError(
    `${received} (from ${source}) is not an AWS Region name: expected ${REGION_EXAMPLES}`,
  );
}

/**
 * Checks that `region` belongs to the caller's partition: credentials of one
 * partition are unknown in the others, and a Region of another partition is
 * never chosen for the caller.
 *
 * @throws InvalidRegionError naming both partitions and a Region to use
 */
export function checkRegionPartition(region: string, caller: { partition: string; arn: string }) {
  const partition = partitionOfRegion(region);
  if (partition === undefined || partition === caller.partition) return;
  const example =
    caller.partition in PARTITION_REGIONS
      ? `, such as ${PARTITION_REGIONS[caller.partition as Partition].example}`
      : '';
  throw new InvalidRegionError(
    `Region ${region} is in partition ${partition}, but the caller (${caller.arn}) is in partition ${caller.partition}: pass --region with a Region of ${caller.partition}${example}`,
  );
}
