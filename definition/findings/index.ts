/**
 * Findings about the root user's access keys in the formats security teams
 * read: ASFF for AWS Security Hub and OCSF (Compliance Finding) for SIEMs and
 * Amazon Security Lake. Pure builders, free of the AWS SDK and the CDK:
 * the rule, the command-line tool and users' own tools share them.
 *
 * @packageDocumentation
 */

export * from './asff.js';
export * from './finding-subject.js';
export * from './ocsf.js';
export * from './standards.js';
