/**
 * A validator of AWS Security Finding Format (ASFF) findings, as `BatchImportFindings` takes
 * them, written from AWS's published model and documentation only.
 *
 * Sources:
 * - The Security Hub API model (2018-10-26), `botocore/data/securityhub/2018-10-26/service-2.json`
 *   of github.com/boto/botocore at commit 0e6e2404b85dc336dd2889814e089bde7d1a4c55; the shape
 *   AwsSecurityFinding and every shape it reaches are in test/fixtures/asff (README there).
 *   From it: required members, member types, enums (Severity.Label, Compliance.Status,
 *   RecordState, Workflow.Status, …), patterns (`.*\S.*` for every NonEmptyString), model
 *   ranges (FindingProviderFields.Confidence 0–100, …), and unknown members at every level.
 *   The lengths AWS states in prose in the same model's documentation ("Length Constraints",
 *   "Array Members", ProductFields' 50 pairs with keys ≤ 128 and values ≤ 2048 characters,
 *   UserDefinedFields' values ≤ 1024) and which members are timestamps were extracted from it.
 * - API reference, AwsSecurityFinding and "Timestamps":
 *   https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFinding.html and
 *   https://docs.aws.amazon.com/securityhub/1.0/APIReference/Welcome.html#timestamps —
 *   `YYYY-MM-DDTHH:MM:SS[.fraction of up to 9 digits]` ending in `Z` or an offset `±HH[:MM]`
 *   or `±HHMM` bounded by ±18:00; SchemaVersion "2018-10-08"; AwsAccountId 12 digits;
 *   Confidence and Criticality on a 0–100 scale; Severity.Normalized 0–100.
 * - API reference, BatchImportFindings:
 *   https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchImportFindings.html —
 *   1 to 100 findings per call, each at most 240 KB; with the default product ARN the calling
 *   account must be the finding's AwsAccountId; BatchImportFindings cannot update Note,
 *   UserDefinedFields, VerificationState or Workflow of an existing finding.
 * - User guide, required top-level attributes:
 *   https://docs.aws.amazon.com/securityhub/latest/userguide/asff-required-attributes.html —
 *   Severity and Types are required of every finding; a provider gives them (per
 *   API_FindingProviderFields.html) either top-level or under FindingProviderFields.
 * - User guide, product ARN of a custom integration:
 *   https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-custom-providers.html —
 *   `arn:<partition>:securityhub:<region>:<account-id>:product/<account-id>/default`.
 * - User guide, Types taxonomy:
 *   https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format-type-taxonomy.html —
 *   `namespace[/category[/classifier]]` with the namespace one of Software and Configuration
 *   Checks, TTPs, Effects, Unusual Behaviors, Sensitive Data Identifications.
 * - User guide, Resources: the supported Type values (AwsEc2Instance, AwsAccount, …, Other) are
 *   all alphanumeric; a Type with other characters cannot be one of them.
 */
import {
  type AsffDocumented,
  type AsffModel,
  type AsffShape,
  loadAsffModel,
} from './asff-model.js';

/** The namespaces a finding type may start with (Types taxonomy for ASFF). */
export const ASFF_TYPE_NAMESPACES = [
  'Software and Configuration Checks',
  'TTPs',
  'Effects',
  'Unusual Behaviors',
  'Sensitive Data Identifications',
] as const;

const SCHEMA_VERSION = '2018-10-08';
const MAX_FINDINGS_PER_CALL = 100;
const MAX_FINDING_BYTES = 240 * 1024;
const PRODUCT_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):securityhub:([a-z]{2,4}(?:-[a-z]+)+-\d+):(\d{12})?:product\/([^/]+)\/([^/]+)$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

type Item = Record<string, unknown>;

/**
 * Validates one finding against the Security Hub API's AwsSecurityFinding shape and the rules
 * AWS documents for it. Returns the errors, each starting with the member's path.
 *
 * @example
 * expect(validateAsff(finding)).toEqual([]);
 */
export function validateAsff(finding: unknown): string[] {
  const model = loadAsffModel();
  const errors: string[] = [];
  checkShape(model, finding, model.root, '', undefined, errors);
  if (isItem(finding)) checkFindingRules(finding, errors);
  return errors;
}

/**
 * Validates one `BatchImportFindings` call made with `signingAccountId`'s credentials and the
 * account's default product ARN: 1 to 100 findings, each valid ({@link validateAsff}), at most
 * 240 KB, for that account and its default product, without the members a provider cannot
 * update. Each error starts with `Findings[i]` where it concerns one finding.
 *
 * @example
 * expect(validateBatchImport(request.Findings, '111122223333')).toEqual([]);
 */
export function validateBatchImport(findings: unknown[], signingAccountId: string): string[] {
  const errors: string[] = [];
  if (!/^\d{12}$/.test(signingAccountId)) {
    errors.push(
      `signing account: expected a 12-digit account id, got ${JSON.stringify(signingAccountId)}.`,
    );
  }
  if (!Array.isArray(findings)) {
    return [...errors, `Findings: expected an array, got ${describe(findings)}.`];
  }
  if (findings.length < 1 || findings.length > MAX_FINDINGS_PER_CALL) {
    errors.push(
      `Findings: ${findings.length} findings; one BatchImportFindings call takes 1 to ${MAX_FINDINGS_PER_CALL}.`,
    );
  }
  findings.forEach((finding, index) => {
    const at = `Findings[${index}]`;
    errors.push(...validateAsff(finding).map((e) => `${at}.${e}`));
    if (isItem(finding)) checkImportRules(finding, signingAccountId, at, errors);
  });
  return errors;
}

function checkImportRules(finding: Item, account: string, at: string, errors: string[]): void {
  const bytes = Buffer.byteLength(JSON.stringify(finding), 'utf8');
  if (bytes > MAX_FINDING_BYTES) {
    errors.push(`${at}: ${bytes} bytes; Security Hub rejects a finding larger than 240 KB.`);
  }
  if (finding.AwsAccountId !== account) {
    errors.push(
      `${at}.AwsAccountId: expected ${account}, the account that signs the call (default product ARN), got ${JSON.stringify(finding.AwsAccountId)}.`,
    );
  }
  const arn = typeof finding.ProductArn === 'string' ? PRODUCT_ARN.exec(finding.ProductArn) : null;
  if (!arn || arn[3] !== account || arn[4] !== account || arn[5] !== 'default') {
    errors.push(
      `${at}.ProductArn: expected the default product of ${account}, arn:<partition>:securityhub:<region>:${account}:product/${account}/default, got ${JSON.stringify(finding.ProductArn)}.`,
    );
  }
  for (const member of [
    'Note',
    'UserDefinedFields',
    'VerificationState',
    'Workflow',
    'WorkflowState',
  ]) {
    if (finding[member] !== undefined) {
      errors.push(
        `${at}.${member}: BatchImportFindings cannot update it once the finding exists; it belongs to the customer (BatchUpdateFindings).`,
      );
    }
  }
}

function checkShape(
  model: AsffModel,
  value: unknown,
  shapeName: string,
  path: string,
  documented: AsffDocumented | undefined,
  errors: string[],
): void {
  const shape = model.shapes[shapeName];
  const at = path || '(finding)';
  if (!shape) {
    errors.push(`${at}: model bug: shape ${shapeName} is not defined.`);
  } else if (value === null) {
    errors.push(`${at}: expected ${shapeName}, got null (an absent member is left out).`);
  } else if (shape.type === 'structure') {
    checkStructure(model, value, shape, shapeName, path, errors);
  } else if (shape.type === 'list') {
    checkList(model, value, shape, path, documented, errors);
  } else if (shape.type === 'map') {
    checkMap(model, value, shape, path, documented, errors);
  } else if (shape.type === 'string') {
    checkString(value, shape, shapeName, at, documented, errors);
  } else {
    checkScalar(value, shape, shapeName, at, errors);
  }
}

function checkStructure(
  model: AsffModel,
  value: unknown,
  shape: AsffShape,
  shapeName: string,
  path: string,
  errors: string[],
): void {
  if (!isItem(value)) {
    errors.push(`${path || '(finding)'}: expected a ${shapeName} object, got ${describe(value)}.`);
    return;
  }
  const members = shape.members ?? {};
  for (const name of shape.required ?? []) {
    if (value[name] === undefined) errors.push(`${join(path, name)}: required member is missing.`);
  }
  for (const [name, member] of Object.entries(value)) {
    const def = members[name];
    if (!def) {
      errors.push(`${join(path, name)}: ${shapeName} has no member ${JSON.stringify(name)}.`);
    } else if (member !== undefined) {
      checkShape(model, member, def.shape, join(path, name), def.documented, errors);
    }
  }
}

function checkList(
  model: AsffModel,
  value: unknown,
  shape: AsffShape,
  path: string,
  documented: AsffDocumented | undefined,
  errors: string[],
): void {
  if (!Array.isArray(value)) {
    errors.push(`${path}: expected an array, got ${describe(value)}.`);
    return;
  }
  const min = documented?.minItems ?? shape.min;
  const max = documented?.maxItems ?? shape.max;
  if (min !== undefined && value.length < min) {
    errors.push(`${path}: ${value.length} items; at least ${min} expected.`);
  }
  if (max !== undefined && value.length > max) {
    errors.push(`${path}: ${value.length} items exceed the maximum of ${max}.`);
  }
  value.forEach((element, index) => {
    checkShape(model, element, shape.member?.shape ?? '', `${path}[${index}]`, undefined, errors);
  });
}

function checkMap(
  model: AsffModel,
  value: unknown,
  shape: AsffShape,
  path: string,
  documented: AsffDocumented | undefined,
  errors: string[],
): void {
  if (!isItem(value)) {
    errors.push(`${path}: expected an object of string pairs, got ${describe(value)}.`);
    return;
  }
  const entries = Object.entries(value);
  const max = documented?.maxEntries;
  if (max !== undefined && entries.length > max) {
    errors.push(`${path}: ${entries.length} pairs exceed the maximum of ${max}.`);
  }
  const keyLimit = documented?.maxKeyLength;
  const valueLimit = documented?.maxValueLength;
  for (const [key, entry] of entries) {
    const at = `${path}[${JSON.stringify(key)}]`;
    checkShape(model, key, shape.key?.shape ?? '', `${at} (key)`, maxLength(keyLimit), errors);
    checkShape(model, entry, shape.value?.shape ?? '', at, maxLength(valueLimit), errors);
  }
}

function maxLength(limit: number | undefined): AsffDocumented | undefined {
  return limit === undefined ? undefined : { maxLength: limit };
}

function checkString(
  value: unknown,
  shape: AsffShape,
  shapeName: string,
  at: string,
  documented: AsffDocumented | undefined,
  errors: string[],
): void {
  if (typeof value !== 'string') {
    errors.push(`${at}: expected a string (${shapeName}), got ${describe(value)}.`);
    return;
  }
  if (shape.enum && !shape.enum.includes(value)) {
    errors.push(`${at}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}.`);
  }
  if (shape.pattern !== undefined && !new RegExp(shape.pattern).test(value)) {
    errors.push(
      `${at}: ${JSON.stringify(value)} does not match ${shapeName}'s pattern ${shape.pattern}.`,
    );
  }
  const length = [...value].length;
  const min = documented?.minLength ?? shape.min;
  const max = documented?.maxLength ?? shape.max;
  if (min !== undefined && length < min) {
    errors.push(`${at}: ${length} characters; at least ${min} expected.`);
  }
  if (max !== undefined && length > max) {
    errors.push(`${at}: ${length} characters exceed the maximum of ${max}.`);
  }
  if (documented?.timestamp && !isTimestamp(value)) {
    errors.push(
      `${at}: ${JSON.stringify(value)} is not a Security Hub timestamp (e.g. 2019-01-31T23:00:00Z, 2019-01-31T23:00:00.123456789+01:00).`,
    );
  }
}

function checkScalar(
  value: unknown,
  shape: AsffShape,
  shapeName: string,
  at: string,
  errors: string[],
): void {
  const ok =
    shape.type === 'boolean'
      ? typeof value === 'boolean'
      : shape.type === 'double'
        ? typeof value === 'number' && Number.isFinite(value)
        : Number.isInteger(value);
  if (!ok) {
    errors.push(`${at}: expected ${shape.type} (${shapeName}), got ${describe(value)}.`);
    return;
  }
  if (typeof value === 'number') checkRange(value, shape.min, shape.max, at, errors);
}

function checkRange(
  value: number,
  min: number | undefined,
  max: number | undefined,
  at: string,
  errors: string[],
): void {
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    errors.push(`${at}: ${value} is outside ${min ?? '-∞'}..${max ?? '∞'}.`);
  }
}

/** True for the timestamp formats listed in the API reference (RFC 3339 with limits). */
export function isTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  const dateOk =
    date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
  const timeOk = (hour ?? 99) <= 23 && (minute ?? 99) <= 59 && (second ?? 99) <= 60;
  const offsetMinutes = Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0);
  const offsetOk = Number(m[11] ?? 0) <= 59 && offsetMinutes <= 18 * 60;
  return dateOk && timeOk && offsetOk;
}

function checkFindingRules(finding: Item, errors: string[]): void {
  if (finding.SchemaVersion !== undefined && finding.SchemaVersion !== SCHEMA_VERSION) {
    errors.push(
      `SchemaVersion: expected "${SCHEMA_VERSION}", got ${JSON.stringify(finding.SchemaVersion)}.`,
    );
  }
  if (typeof finding.AwsAccountId === 'string' && !/^\d{12}$/.test(finding.AwsAccountId)) {
    errors.push(`AwsAccountId: expected 12 digits, got ${JSON.stringify(finding.AwsAccountId)}.`);
  }
  if (typeof finding.ProductArn === 'string' && !PRODUCT_ARN.test(finding.ProductArn)) {
    errors.push(
      `ProductArn: expected arn:<partition>:securityhub:<region>:<account-id>:product/<company-id>/<product-id>, got ${JSON.stringify(finding.ProductArn)}.`,
    );
  }
  for (const member of ['Confidence', 'Criticality'] as const) {
    const value = finding[member];
    if (typeof value === 'number') checkRange(value, 0, 100, member, errors);
  }
  const severity = finding.Severity;
  if (isItem(severity) && typeof severity.Normalized === 'number') {
    checkRange(severity.Normalized, 0, 100, 'Severity.Normalized', errors);
  }
  const provider = isItem(finding.FindingProviderFields) ? finding.FindingProviderFields : {};
  checkTypes(finding.Types, 'Types', errors);
  checkTypes(provider.Types, 'FindingProviderFields.Types', errors);
  checkSeverityAndTypesGiven(finding, provider, errors);
  checkResourceTypes(finding.Resources, errors);
}

function checkTypes(types: unknown, path: string, errors: string[]): void {
  if (!Array.isArray(types)) return;
  types.forEach((type, index) => {
    if (typeof type !== 'string') return; // the shape check reports it
    const parts = type.split('/');
    const namespace = parts[0] ?? '';
    const wellFormed = parts.length <= 3 && parts.every((p) => p.trim() !== '' && p === p.trim());
    if (!wellFormed || !(ASFF_TYPE_NAMESPACES as readonly string[]).includes(namespace)) {
      errors.push(
        `${path}[${index}]: ${JSON.stringify(type)} is not namespace[/category[/classifier]] with a namespace of ${ASFF_TYPE_NAMESPACES.join(', ')}.`,
      );
    }
  });
}

function checkSeverityAndTypesGiven(finding: Item, provider: Item, errors: string[]): void {
  const top = isItem(finding.Severity) ? finding.Severity : {};
  const fromProvider = isItem(provider.Severity) ? provider.Severity : {};
  if (top.Label === undefined && top.Normalized === undefined && fromProvider.Label === undefined) {
    errors.push(
      'Severity: required; give FindingProviderFields.Severity.Label (or Severity.Label / Severity.Normalized).',
    );
  }
  const given = (types: unknown) => Array.isArray(types) && types.length > 0;
  if (!given(finding.Types) && !given(provider.Types)) {
    errors.push(
      'Types: required; give at least one type in FindingProviderFields.Types (or Types).',
    );
  }
}

function checkResourceTypes(resources: unknown, errors: string[]): void {
  if (!Array.isArray(resources)) return;
  resources.forEach((resource, index) => {
    const type = isItem(resource) ? resource.Type : undefined;
    if (typeof type === 'string' && !/^[A-Za-z0-9]+$/.test(type)) {
      errors.push(
        `Resources[${index}].Type: ${JSON.stringify(type)} is not a Security Hub resource type (AwsAccount, AwsIamUser, …, Other).`,
      );
    }
  });
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
