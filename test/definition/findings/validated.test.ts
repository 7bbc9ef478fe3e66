import { describe, expect, it } from 'vitest';
import {
  buildAsffFinding,
  buildOcsfFinding,
  OCSF_VERSION,
} from '../../../definition/findings/index.js';
import { validateAsff, validateBatchImport } from '../../support/findings-validators/asff.js';
import { validateOcsf } from '../../support/findings-validators/ocsf.js';
import { OCSF_VERSIONS } from '../../support/findings-validators/ocsf-schema.js';
import { allSubjects, withoutResult } from './subjects.js';

const long = 'é'.repeat(5000);
const extremes = [
  ...allSubjects,
  { ...withoutResult[0], reason: long, organizationalUnit: long, accountName: long },
].map((subject) => ({ ...subject, result: subject.result ?? 'ERROR' }));

describe('every finding the builders make validates against the published schemas', () => {
  it.each(extremes.map((subject) => [subject.result, subject.accountId, subject] as const))(
    'ASFF: %s row of %s',
    (_result, _account, subject) => {
      const finding = buildAsffFinding(subject as never);
      expect(validateAsff(JSON.parse(JSON.stringify(finding)))).toEqual([]);
      expect(validateBatchImport([finding], finding.AwsAccountId)).toEqual([]);
    },
  );

  it.each(extremes.map((subject) => [subject.result, subject.accountId, subject] as const))(
    `OCSF ${OCSF_VERSION}: %s row of %s`,
    (_result, _account, subject) => {
      const event = JSON.parse(JSON.stringify(buildOcsfFinding(subject as never)));
      const { errors, warnings } = validateOcsf(event, OCSF_VERSION);
      expect(errors).toEqual([]);
      // Recommended attributes the rule has no fact for (an IP, a hostname) are the only warnings.
      expect(
        warnings.filter((warning) => !warning.endsWith('recommended attribute is missing.')),
      ).toEqual([]);
    },
  );

  it('declares a version the validator knows', () => {
    expect(OCSF_VERSIONS).toContain(OCSF_VERSION);
  });
});
