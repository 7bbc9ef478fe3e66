/**
 * A validator of OCSF Compliance Finding (class_uid 2003) events, driven by the compiled class
 * and object definitions in test/fixtures/ocsf/<version>/compliance_finding.json (see the README
 * there for their provenance: ocsf/ocsf-schema tags 1.6.0, 1.7.0 and 1.8.0 compiled by
 * ocsf/ocsf-schema-compiler 0.9.2).
 *
 * It follows the event validator of the OCSF Server, `lib/schema/validator2.ex` of
 * github.com/ocsf/ocsf-server (read at commit 62e08aea67dd53435344e10d8d117c23f3afc4ff), with
 * "warn on missing recommended" on:
 * - errors: class_uid missing, not an integer or not 2003 (nothing else is checked then); an
 *   undefined profile in `metadata.profiles`; a required attribute missing (or null) at any
 *   level; a value of the wrong type (string_t, integer_t, long_t, float_t, boolean_t, json_t,
 *   objects, arrays for `is_array`); a subtype's `max_len`, `range`, `values` or `regex`; an
 *   enum value that is not defined; an enum array's sibling missing or not its caption; an
 *   object's `at_least_one` / `just_one` constraint; `type_uid` ≠ `class_uid * 100 +
 *   activity_id`; an attribute that is not defined where it appears (a profile's attribute
 *   counts as undefined unless `metadata.profiles` names the profile), except inside an object
 *   with no attributes (`object`, the type of `unmapped`); an observable whose `name` does not
 *   refer to an attribute of the class;
 * - warnings: a recommended attribute missing; a deprecated attribute, object or enum value
 *   present; an enum sibling (the caption attribute, e.g. `severity` for `severity_id`) that
 *   does not match the caption of its enum value (or, for 99 Other, that matches "Other").
 *
 * Where this is stricter than the server, on purpose: `metadata.version` must equal the version
 * validated against (the server only warns about an earlier one); a subtype's regex mismatch is
 * an error (the server warns); an `at_least_one` / `just_one` attribute only counts when its
 * value is not null. JSON numbers have no integer/float distinction in JavaScript, so `float_t`
 * accepts any finite number, and integer_t/long_t any integral number.
 */
import {
  loadOcsfSchema,
  type OcsfAttribute,
  type OcsfObject,
  type OcsfSchema,
  type OcsfVersion,
} from './ocsf-schema.js';

/** What {@link validateOcsf} found: errors make the event invalid, warnings do not. */
export interface OcsfValidation {
  readonly errors: string[];
  readonly warnings: string[];
}

interface Context {
  readonly schema: OcsfSchema;
  readonly profiles: ReadonlySet<string>;
  readonly errors: string[];
  readonly warnings: string[];
}

type Item = Record<string, unknown>;

/**
 * Validates one event against class Compliance Finding (2003) at an OCSF version.
 *
 * @example
 * const { errors, warnings } = validateOcsf(JSON.parse(line), '1.6.0');
 * expect(errors).toEqual([]);
 */
export function validateOcsf(event: unknown, version: OcsfVersion): OcsfValidation {
  const schema = loadOcsfSchema(version);
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isItem(event)) {
    errors.push(`(event): expected a JSON object, got ${describe(event)}.`);
    return { errors, warnings };
  }
  if (!checkClassUid(event, schema, errors)) return { errors, warnings };
  const ctx: Context = {
    schema,
    profiles: activeProfiles(event, schema, errors),
    errors,
    warnings,
  };
  validateObject(ctx, event, schema.class, '');
  checkVersion(ctx, event, version);
  checkTypeUid(ctx, event);
  checkObservables(ctx, event);
  return { errors, warnings };
}

function checkClassUid(event: Item, schema: OcsfSchema, errors: string[]): boolean {
  const classUid = event.class_uid;
  if (classUid === undefined || classUid === null) {
    errors.push('class_uid: required attribute is missing; nothing else was checked.');
  } else if (!Number.isInteger(classUid)) {
    errors.push(
      `class_uid: expected integer_t, got ${describe(classUid)}; nothing else was checked.`,
    );
  } else if (classUid !== schema.class.uid) {
    errors.push(
      `class_uid: expected ${schema.class.uid} (${schema.class.caption}), got ${String(classUid)}; nothing else was checked.`,
    );
  } else {
    return true;
  }
  return false;
}

function activeProfiles(event: Item, schema: OcsfSchema, errors: string[]): Set<string> {
  const metadata = event.metadata;
  const named = isItem(metadata) && Array.isArray(metadata.profiles) ? metadata.profiles : [];
  const active = new Set<string>();
  named.forEach((profile, index) => {
    if (typeof profile !== 'string') return; // the type check reports it
    if (schema.profiles.includes(profile)) active.add(profile);
    else {
      errors.push(
        `metadata.profiles[${index}]: profile ${JSON.stringify(profile)} is not defined in OCSF ${schema.ocsf_version}; expected one of ${schema.profiles.join(', ')}.`,
      );
    }
  });
  return active;
}

function applies(attribute: OcsfAttribute, profiles: ReadonlySet<string>): boolean {
  const needed = attribute.profiles;
  return needed === undefined || needed === null || needed.some((p) => profiles.has(p));
}

function attributesOf(def: OcsfObject, profiles: ReadonlySet<string>): Map<string, OcsfAttribute> {
  return new Map(Object.entries(def.attributes).filter(([, a]) => applies(a, profiles)));
}

function validateObject(ctx: Context, item: Item, def: OcsfObject, path: string): void {
  const attributes = attributesOf(def, ctx.profiles);
  for (const [name, attribute] of attributes) {
    validateAttribute(ctx, item[name], attribute, join(path, name));
  }
  checkUnknown(ctx, item, def, attributes, path);
  checkEnums(ctx, item, attributes, path);
  checkConstraints(ctx, item, def, path);
}

function validateAttribute(
  ctx: Context,
  value: unknown,
  attribute: OcsfAttribute,
  path: string,
): void {
  if (value === undefined || value === null) {
    if (attribute.requirement === 'required') {
      ctx.errors.push(`${path}: required attribute is missing.`);
    } else if (attribute.requirement === 'recommended') {
      ctx.warnings.push(`${path}: recommended attribute is missing.`);
    }
    return;
  }
  if (attribute.deprecated !== undefined) {
    ctx.warnings.push(`${path}: attribute is deprecated (since ${String(attribute.deprecated)}).`);
  }
  if (!attribute.is_array) {
    validateValue(ctx, value, attribute, path);
  } else if (Array.isArray(value)) {
    value.forEach((element, index) => {
      validateValue(ctx, element, attribute, `${path}[${index}]`);
    });
  } else {
    ctx.errors.push(
      `${path}: expected an array of ${typeName(attribute)}, got ${describe(value)}.`,
    );
  }
}

function validateValue(ctx: Context, value: unknown, attribute: OcsfAttribute, path: string): void {
  if (attribute.type !== 'object_t') {
    checkDictionaryValue(ctx, value, attribute.type, path);
    return;
  }
  const objectType = attribute.object_type ?? '';
  const def = ctx.schema.objects[objectType];
  if (!def) {
    ctx.errors.push(`${path}: schema bug: object ${JSON.stringify(objectType)} is not defined.`);
  } else if (!isItem(value)) {
    ctx.errors.push(`${path}: expected object ${objectType}, got ${describe(value)}.`);
  } else {
    if (def.deprecated !== undefined) {
      ctx.warnings.push(
        `${path}: object ${objectType} is deprecated (since ${String(def.deprecated)}).`,
      );
    }
    validateObject(ctx, value, def, path);
  }
}

function checkDictionaryValue(ctx: Context, value: unknown, type: string, path: string): void {
  const own = ctx.schema.types[type];
  if (!own) {
    ctx.errors.push(`${path}: schema bug: type ${type} is not in the dictionary.`);
    return;
  }
  const primitive = own.type ?? type;
  const parent = own.type ? ctx.schema.types[own.type] : undefined;
  const label = own.type ? `${type} (${primitive})` : type;
  if (!hasPrimitiveType(value, primitive)) {
    if (primitive === 'json_t') return;
    ctx.errors.push(`${path}: expected ${label}, got ${describe(value)}.`);
    return;
  }
  const maxLen = own.max_len ?? parent?.max_len;
  const length = typeof value === 'string' ? [...value].length : 0;
  if (maxLen !== undefined && length > maxLen) {
    ctx.errors.push(`${path}: ${length} characters exceed the ${maxLen} that ${type} allows.`);
  }
  const regex = own.regex ?? parent?.regex;
  if (regex !== undefined && typeof value === 'string' && !new RegExp(regex).test(value)) {
    ctx.errors.push(`${path}: ${JSON.stringify(value)} does not match the pattern of ${type}.`);
  }
  const range = own.range ?? parent?.range;
  if (range && typeof value === 'number' && (value < range[0] || value > range[1])) {
    ctx.errors.push(`${path}: ${value} is outside the range ${range[0]}..${range[1]} of ${type}.`);
  }
  const values = own.values ?? parent?.values;
  if (values && !values.includes(value)) {
    ctx.errors.push(`${path}: ${JSON.stringify(value)} is not one of the values of ${type}.`);
  }
}

function hasPrimitiveType(value: unknown, primitive: string): boolean {
  switch (primitive) {
    case 'string_t':
      return typeof value === 'string';
    case 'boolean_t':
      return typeof value === 'boolean';
    case 'integer_t':
    case 'long_t':
      return Number.isInteger(value);
    case 'float_t':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return primitive === 'json_t';
  }
}

function checkUnknown(
  ctx: Context,
  item: Item,
  def: OcsfObject,
  attributes: Map<string, OcsfAttribute>,
  path: string,
): void {
  if (Object.keys(def.attributes).length === 0) return; // open-ended (`object`, e.g. unmapped)
  for (const key of Object.keys(item)) {
    if (attributes.has(key)) continue;
    const profiles = def.attributes[key]?.profiles;
    ctx.errors.push(
      profiles
        ? `${join(path, key)}: attribute of profile ${profiles.join(' or ')}, which metadata.profiles does not name.`
        : `${join(path, key)}: attribute is not defined ${path ? 'in this object' : 'in the class'}.`,
    );
  }
}

function checkEnums(
  ctx: Context,
  item: Item,
  attributes: Map<string, OcsfAttribute>,
  path: string,
): void {
  for (const [name, attribute] of attributes) {
    if (!attribute.enum || !(name in item)) continue;
    const value = item[name];
    if (!attribute.is_array) checkEnumValue(ctx, item, name, attribute, value);
    else if (Array.isArray(value)) {
      value.forEach((element, index) => {
        checkEnumArrayValue(ctx, item, name, attribute, element, index);
      });
    }
  }
  function checkEnumValue(c: Context, it: Item, name: string, a: OcsfAttribute, value: unknown) {
    const at = join(path, name);
    const caption = a.enum?.[String(value)];
    if (caption === undefined) {
      c.errors.push(`${at}: ${JSON.stringify(value)} is not a value of the enum (${enumList(a)}).`);
      return;
    }
    if (a.deprecated_enum?.includes(String(value))) {
      c.warnings.push(`${at}: enum value ${String(value)} (${caption}) is deprecated.`);
    }
    const sibling = a.sibling;
    if (!sibling || !(sibling in it)) return;
    const text = it[sibling];
    if (value === 99 && text === caption) {
      c.warnings.push(
        `${join(path, sibling)}: ${JSON.stringify(text)} is the caption of 99; for Other it should carry the source's own value.`,
      );
    } else if (value !== 99 && text !== caption) {
      c.warnings.push(
        `${join(path, sibling)}: expected ${JSON.stringify(caption)}, the caption of ${name} ${String(value)}, got ${JSON.stringify(text)}.`,
      );
    }
  }
  function checkEnumArrayValue(
    c: Context,
    it: Item,
    name: string,
    a: OcsfAttribute,
    value: unknown,
    index: number,
  ) {
    const at = `${join(path, name)}[${index}]`;
    const caption = a.enum?.[String(value)];
    if (caption === undefined) {
      c.errors.push(`${at}: ${JSON.stringify(value)} is not a value of the enum (${enumList(a)}).`);
      return;
    }
    if (a.deprecated_enum?.includes(String(value))) {
      c.warnings.push(`${at}: enum value ${String(value)} (${caption}) is deprecated.`);
    }
    const sibling = a.sibling;
    if (value === 99 || !sibling || !(sibling in it)) return;
    const texts = it[sibling];
    const text = Array.isArray(texts) ? texts[index] : undefined;
    if (text === undefined) {
      c.errors.push(
        `${join(path, sibling)}[${index}]: missing; expected ${JSON.stringify(caption)}.`,
      );
    } else if (text !== caption) {
      c.errors.push(
        `${join(path, sibling)}[${index}]: expected ${JSON.stringify(caption)}, got ${JSON.stringify(text)}.`,
      );
    }
  }
}

function checkConstraints(ctx: Context, item: Item, def: OcsfObject, path: string): void {
  const where = path || '(event)';
  const present = (keys: readonly string[]) =>
    keys.filter((k) => item[k] !== undefined && item[k] !== null);
  const atLeastOne = def.constraints?.at_least_one;
  if (atLeastOne && present(atLeastOne).length === 0) {
    ctx.errors.push(
      `${where}: constraint at_least_one failed; expected one of ${atLeastOne.join(', ')}.`,
    );
  }
  const justOne = def.constraints?.just_one;
  if (justOne && present(justOne).length !== 1) {
    ctx.errors.push(
      `${where}: constraint just_one failed; expected exactly one of ${justOne.join(', ')}, got ${present(justOne).length}.`,
    );
  }
}

function checkVersion(ctx: Context, event: Item, version: OcsfVersion): void {
  const metadata = event.metadata;
  if (!isItem(metadata) || typeof metadata.version !== 'string') return; // reported already
  if (metadata.version !== version) {
    ctx.errors.push(
      `metadata.version: expected ${JSON.stringify(version)}, the version validated against, got ${JSON.stringify(metadata.version)}.`,
    );
  }
}

function checkTypeUid(ctx: Context, event: Item): void {
  const { class_uid: classUid, activity_id: activityId, type_uid: typeUid } = event;
  if (!Number.isInteger(classUid) || !Number.isInteger(activityId) || !Number.isInteger(typeUid)) {
    return; // reported by the type checks
  }
  const expected = (classUid as number) * 100 + (activityId as number);
  if (typeUid !== expected) {
    ctx.errors.push(
      `type_uid: expected ${expected} (class_uid ${String(classUid)} * 100 + activity_id ${String(activityId)}), got ${String(typeUid)}.`,
    );
  }
}

function checkObservables(ctx: Context, event: Item): void {
  const observables = event.observables;
  if (!Array.isArray(observables)) return;
  observables.forEach((observable, index) => {
    if (!isItem(observable) || typeof observable.name !== 'string') return;
    if (!refersToAttribute(ctx, observable.name)) {
      ctx.errors.push(
        `observables[${index}].name: ${JSON.stringify(observable.name)} does not refer to an attribute of class ${ctx.schema.class.name}.`,
      );
    }
  });
}

function refersToAttribute(ctx: Context, name: string): boolean {
  let def: OcsfObject | undefined = ctx.schema.class;
  const parts = name.split(/\.(?![^[]*\])/);
  for (const [i, part] of parts.entries()) {
    const match = /^([^[]+)(\[[^\]]*\])?$/.exec(part);
    const attribute: OcsfAttribute | undefined =
      match?.[1] && def ? attributesOf(def, ctx.profiles).get(match[1]) : undefined;
    if (!attribute || (match?.[2] && !attribute.is_array)) return false;
    if (i === parts.length - 1) return true;
    if (attribute.type !== 'object_t') return false;
    def = ctx.schema.objects[attribute.object_type ?? ''];
  }
  return false;
}

function enumList(attribute: OcsfAttribute): string {
  return Object.entries(attribute.enum ?? {})
    .map(([value, caption]) => `${value} ${caption}`)
    .join(', ');
}

function typeName(attribute: OcsfAttribute): string {
  return attribute.type === 'object_t' ? `object ${attribute.object_type}` : attribute.type;
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
  if (typeof value === 'number')
    return Number.isInteger(value) ? `integer ${value}` : `number ${value}`;
  if (typeof value === 'string') return `string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
