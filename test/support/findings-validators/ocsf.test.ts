import { describe, expect, it } from 'vitest';
import { fixtureText } from '../fixtures.js';
import { validateOcsf } from './ocsf.js';
import { loadOcsfSchema, OCSF_VERSIONS, type OcsfVersion } from './ocsf-schema.js';

// biome-ignore lint/suspicious/noExplicitAny: test events are edited freely, as JSON
type Event = Record<string, any>;

function validEvent(version: OcsfVersion = '1.6.0'): Event {
  const event = JSON.parse(fixtureText('findings/ocsf-compliance-finding.json')) as Event;
  event.metadata.version = version;
  return event;
}

function errorsOf(event: unknown, version: OcsfVersion = '1.6.0'): string[] {
  return validateOcsf(event, version).errors;
}

function warningsOf(event: unknown, version: OcsfVersion = '1.6.0'): string[] {
  return validateOcsf(event, version).warnings;
}

describe('the OCSF definitions kept as fixtures', () => {
  const readme = fixtureText('ocsf/README.md');

  it.each(OCSF_VERSIONS)(
    '%s is class compliance_finding 2003 from the tag and commit in the README',
    (version) => {
      const schema = loadOcsfSchema(version);
      expect(schema.ocsf_version).toBe(version);
      expect(schema.class).toMatchObject({
        name: 'compliance_finding',
        uid: 2003,
        category_uid: 2,
      });
      expect(schema.source).toMatchObject({ repo: 'github.com/ocsf/ocsf-schema', tag: version });
      expect(readme).toContain(
        `| ${version} | github.com/ocsf/ocsf-schema | \`${version}\` | \`${schema.source.commit}\` |`,
      );
    },
  );

  it('refuses a version it has no definitions for', () => {
    expect(() => validateOcsf({}, '1.5.0' as OcsfVersion)).toThrow(
      /1\.5\.0.*1\.6\.0, 1\.7\.0, 1\.8\.0/,
    );
  });
});

describe('validateOcsf accepts', () => {
  it.each(OCSF_VERSIONS)(
    'the hand-written Compliance Finding at %s, warning only of recommended attributes left out',
    (version) => {
      const { errors, warnings } = validateOcsf(validEvent(version), version);
      expect(errors).toEqual([]);
      expect(warnings.length).toBeGreaterThan(0);
      for (const warning of warnings)
        expect(warning).toMatch(/: recommended attribute is missing\.$/);
      expect(warnings).toContain('resources[0].owner: recommended attribute is missing.');
    },
  );

  it('anything inside unmapped, an open-ended object', () => {
    const event = validEvent();
    event.unmapped = { any: { thing: [1, 'two', null, { deep: true }] }, 'odd key': 3 };
    expect(errorsOf(event)).toEqual([]);
  });

  it('observables that name attributes through objects and arrays', () => {
    const event = validEvent();
    event.observables = [
      { name: 'resources[].uid', type_id: 10, value: 'arn:aws:iam::111122223333:root' },
      { name: 'metadata.profiles[0]', type_id: 99, value: 'cloud' },
    ];
    expect(errorsOf(event)).toEqual([]);
  });
});

describe('validateOcsf reports as errors', () => {
  it('an event that is not an object', () => {
    expect(errorsOf([validEvent()])).toEqual(['(event): expected a JSON object, got an array.']);
  });

  it.each([
    ['missing', undefined, 'class_uid: required attribute is missing; nothing else was checked.'],
    [
      'a string',
      '2003',
      'class_uid: expected integer_t, got string "2003"; nothing else was checked.',
    ],
    [
      'another class',
      2004,
      'class_uid: expected 2003 (Compliance Finding), got 2004; nothing else was checked.',
    ],
  ])('a class_uid %s, and checks nothing else', (_, classUid, message) => {
    const event = validEvent();
    event.class_uid = classUid;
    event.unknown = true;
    expect(errorsOf(event)).toEqual([message]);
  });

  it.each([
    ['time', (e: Event) => delete e.time, 'time: required attribute is missing.'],
    [
      'finding_info.uid',
      (e: Event) => delete e.finding_info.uid,
      'finding_info.uid: required attribute is missing.',
    ],
    [
      'metadata.product',
      (e: Event) => delete e.metadata.product,
      'metadata.product: required attribute is missing.',
    ],
    [
      'cloud.provider',
      (e: Event) => delete e.cloud.provider,
      'cloud.provider: required attribute is missing.',
    ],
    [
      'remediation.desc (null)',
      (e: Event) => {
        e.remediation.desc = null;
      },
      'remediation.desc: required attribute is missing.',
    ],
  ])('a required attribute missing: %s', (_, edit, message) => {
    const event = validEvent();
    edit(event);
    expect(errorsOf(event)).toEqual([message]);
  });

  it('the cloud profile named without its required cloud attribute', () => {
    const event = validEvent();
    delete event.cloud;
    expect(errorsOf(event)).toEqual(['cloud: required attribute is missing.']);
  });

  it('a profile attribute when metadata.profiles does not name the profile', () => {
    const event = validEvent();
    const expected = [
      'resources[0].cloud_partition: attribute of profile cloud, which metadata.profiles does not name.',
      'resources[0].region: attribute of profile cloud, which metadata.profiles does not name.',
      'cloud: attribute of profile cloud, which metadata.profiles does not name.',
      'observables[0].name: "cloud.account.uid" does not refer to an attribute of class compliance_finding.',
    ];
    event.metadata.profiles = [];
    expect(errorsOf(event)).toEqual(expected);
    delete event.metadata.profiles;
    expect(errorsOf(event)).toEqual(expected);
  });

  it('a profile that the version does not define', () => {
    const event = validEvent();
    event.metadata.profiles = ['cloud', 'clouds'];
    expect(errorsOf(event)).toEqual([
      expect.stringMatching(
        /^metadata\.profiles\[1\]: profile "clouds" is not defined in OCSF 1\.6\.0; expected one of cloud, container,/,
      ),
    ]);
  });

  it.each([
    [
      'in the class',
      (e: Event) => {
        e.compliance_status = 'FAILED';
      },
      'compliance_status: attribute is not defined in the class.',
    ],
    [
      'in an object',
      (e: Event) => {
        e.compliance.control_id = 'IAM.4';
      },
      'compliance.control_id: attribute is not defined in this object.',
    ],
    [
      'in an array element',
      (e: Event) => {
        e.resources[0].arn = 'arn';
      },
      'resources[0].arn: attribute is not defined in this object.',
    ],
    [
      'deep in objects',
      (e: Event) => {
        e.cloud.account.id = '1';
      },
      'cloud.account.id: attribute is not defined in this object.',
    ],
  ])('an attribute that is not defined %s', (_, edit, message) => {
    const event = validEvent();
    edit(event);
    expect(errorsOf(event)).toEqual([message]);
  });

  it.each([
    [
      'a timestamp as a string',
      (e: Event) => {
        e.time = '1796563200000';
      },
      'time: expected timestamp_t (long_t), got string "1796563200000".',
    ],
    [
      'an integer with a fraction',
      (e: Event) => {
        e.timezone_offset = 0.5;
      },
      'timezone_offset: expected integer_t, got number 0.5.',
    ],
    [
      'a string as a number',
      (e: Event) => {
        e.message = 42;
      },
      'message: expected string_t, got integer 42.',
    ],
    [
      'a boolean as a string',
      (e: Event) => {
        e.metadata.is_truncated = 'false';
      },
      'metadata.is_truncated: expected boolean_t, got string "false".',
    ],
    [
      'an object as a string',
      (e: Event) => {
        e.finding_info = 'IAM.4';
      },
      'finding_info: expected object finding_info, got string "IAM.4".',
    ],
    [
      'an object as an array',
      (e: Event) => {
        e.compliance = [e.compliance];
      },
      'compliance: expected object compliance, got an array.',
    ],
    [
      'an array as a string',
      (e: Event) => {
        e.compliance.standards = 'CIS';
      },
      'compliance.standards: expected an array of string_t, got string "CIS".',
    ],
    [
      'an array of objects as one object',
      (e: Event) => {
        e.resources = e.resources[0];
      },
      'resources: expected an array of object resource_details, got an object.',
    ],
    [
      'an array element of the wrong type',
      (e: Event) => {
        e.compliance.requirements = ['1.4', 14];
      },
      'compliance.requirements[1]: expected string_t, got integer 14.',
    ],
  ])('a value of the wrong type: %s', (_, edit, message) => {
    const event = validEvent();
    edit(event);
    expect(errorsOf(event)).toEqual([message]);
  });

  it('a subtype value longer than its max_len', () => {
    const event = validEvent();
    event.resources[0].ip = `10.0.0.1${' '.repeat(33)}`;
    expect(errorsOf(event)).toEqual([
      'resources[0].ip: 41 characters exceed the 40 that ip_t allows.',
    ]);
  });

  it('a subtype value that does not match its regex', () => {
    const event = validEvent();
    event.resources[0].ip = '10.0.0.256';
    expect(errorsOf(event)).toEqual([
      'resources[0].ip: "10.0.0.256" does not match the pattern of ip_t.',
    ]);
  });

  it('a subtype value outside its range', () => {
    const event = validEvent();
    event.evidences[0].dst_endpoint = { ip: '10.0.0.1', port: 65536 };
    expect(errorsOf(event)).toEqual([
      'evidences[0].dst_endpoint.port: 65536 is outside the range 0..65535 of port_t.',
    ]);
  });

  it.each([
    [
      'severity_id',
      (e: Event) => {
        e.severity_id = 7;
      },
      /^severity_id: 7 is not a value of the enum \(0 Unknown, 1 Informational, .*99 Other\)\.$/,
    ],
    [
      'compliance.status_id',
      (e: Event) => {
        e.compliance.status_id = 2003;
      },
      /^compliance\.status_id: 2003 is not a value of the enum \(0 Unknown, 1 Pass, 2 Warning, 3 Fail, 99 Other\)\.$/,
    ],
    [
      'category_uid',
      (e: Event) => {
        e.category_uid = 3;
      },
      /^category_uid: 3 is not a value of the enum \(2 Findings\)\.$/,
    ],
    [
      'an enum array element',
      (e: Event) => {
        e.evidences[0].url = { url_string: 'https://example.com', category_ids: [2] };
      },
      /^evidences\[0\]\.url\.category_ids\[0\]: 2 is not a value of the enum/,
    ],
  ])('an enum value that is not defined: %s', (_, edit, message) => {
    const event = validEvent();
    edit(event);
    const errors = errorsOf(event);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('an enum array whose sibling array has another caption at the same index', () => {
    const event = validEvent();
    event.evidences[0].url = {
      url_string: 'https://example.com',
      category_ids: [0, 1],
      categories: ['Unknown', 'Adult'],
    };
    expect(errorsOf(event)).toEqual([
      'evidences[0].url.categories[1]: expected "Adult/Mature Content", got "Adult".',
    ]);
    event.evidences[0].url.categories = ['Unknown'];
    expect(errorsOf(event)).toEqual([
      'evidences[0].url.categories[1]: missing; expected "Adult/Mature Content".',
    ]);
  });

  it('an object with none of its at_least_one attributes', () => {
    const event = validEvent();
    event.cloud.account = { type_id: 10, type: 'AWS Account' };
    expect(errorsOf(event)).toEqual([
      'cloud.account: constraint at_least_one failed; expected one of name, uid.',
    ]);
    event.cloud.account.uid = null;
    expect(errorsOf(event)).toContain(
      'cloud.account: constraint at_least_one failed; expected one of name, uid.',
    );
  });

  it('an object with more or fewer than one of its just_one attributes', () => {
    const event = validEvent();
    event.metadata.profiles = ['cloud', 'osint'];
    const vulnerability: Event = {
      title: 'CVE',
      cve: { uid: 'CVE-2026-0001' },
      cwe: { uid: 'CWE-798' },
    };
    event.osint = [{ type_id: 1, value: '10.0.0.1', vulnerabilities: [vulnerability] }];
    expect(errorsOf(event)).toEqual([
      'osint[0].vulnerabilities[0]: constraint just_one failed; expected exactly one of advisory, cve, cwe, got 2.',
    ]);
    delete vulnerability.cwe;
    expect(errorsOf(event)).toEqual([]);
  });

  it('a type_uid other than class_uid * 100 + activity_id', () => {
    const event = validEvent();
    event.type_uid = 200302;
    event.type_name = 'Compliance Finding: Update';
    expect(errorsOf(event)).toEqual([
      'type_uid: expected 200301 (class_uid 2003 * 100 + activity_id 1), got 200302.',
    ]);
  });

  it.each([
    ['1.7.0', '1.6.0'],
    ['1.6.0', '1.8.0'],
  ] as const)('a metadata.version of %s validated against %s', (declared, against) => {
    const event = validEvent(declared);
    expect(errorsOf(event, against)).toContain(
      `metadata.version: expected "${against}", the version validated against, got "${declared}".`,
    );
  });

  it('an observable whose name refers to no attribute of the class', () => {
    const event = validEvent();
    event.observables = [
      { name: 'cloud.acount.uid', type_id: 10, value: '111122223333' },
      { name: 'cloud[].account', type_id: 10, value: '111122223333' },
    ];
    expect(errorsOf(event)).toEqual([
      'observables[0].name: "cloud.acount.uid" does not refer to an attribute of class compliance_finding.',
      'observables[1].name: "cloud[].account" does not refer to an attribute of class compliance_finding.',
    ]);
  });
});

describe('validateOcsf reports as warnings', () => {
  it('a recommended attribute missing', () => {
    const event = validEvent();
    delete event.compliance.control;
    expect(errorsOf(event)).toEqual([]);
    expect(warningsOf(event)).toContain('compliance.control: recommended attribute is missing.');
    expect(warningsOf(validEvent())).not.toContain(
      'compliance.control: recommended attribute is missing.',
    );
  });

  it('a deprecated attribute', () => {
    const event = validEvent();
    event.compliance.status_detail = 'one key';
    expect(errorsOf(event)).toEqual([]);
    expect(warningsOf(event)).toContain(
      'compliance.status_detail: attribute is deprecated (since 1.4.0).',
    );
  });

  it('a deprecated enum value', () => {
    const event = validEvent();
    event.cloud.account.type_id = 3;
    event.cloud.account.type = 'AWS IAM User';
    expect(errorsOf(event)).toEqual([]);
    expect(warningsOf(event)).toContain(
      'cloud.account.type_id: enum value 3 (AWS IAM User) is deprecated.',
    );
  });

  it('an enum sibling that is not the caption of its value', () => {
    const event = validEvent();
    event.severity = 'High';
    expect(errorsOf(event)).toEqual([]);
    expect(warningsOf(event)).toContain(
      'severity: expected "Critical", the caption of severity_id 5, got "High".',
    );
  });

  it('an enum sibling of 99 Other that is just "Other"', () => {
    const event = validEvent();
    event.compliance.status_id = 99;
    event.compliance.status = 'Other';
    expect(errorsOf(event)).toEqual([]);
    expect(warningsOf(event)).toContain(
      'compliance.status: "Other" is the caption of 99; for Other it should carry the source\'s own value.',
    );
    event.compliance.status = 'NOT_APPLICABLE';
    expect(warningsOf(event).filter((w) => w.startsWith('compliance.status:'))).toEqual([]);
  });
});
