import { Logger } from '@aws-lambda-powertools/logger';

/** The rule's structured JSON logger (Powertools); one line per evaluation. */
export const logger = new Logger({ serviceName: 'root-access-key-rule' });
