import { readFileSync } from 'node:fs';

/** The OCSF versions whose Compliance Finding definitions are kept in test/fixtures/ocsf. */
export const OCSF_VERSIONS = ['1.6.0', '1.7.0', '1.8.0'] as const;

/** One of {@link OCSF_VERSIONS}. */
export type OcsfVersion = (typeof OCSF_VERSIONS)[number];

/** An attribute of a class or object, as the compiled definitions describe it. */
export interface OcsfAttribute {
  readonly type: string;
  readonly requirement: 'required' | 'recommended' | 'optional';
  readonly object_type?: string;
  readonly is_array?: boolean;
  /** Enum value (as a string) → caption. */
  readonly enum?: Readonly<Record<string, string>>;
  readonly deprecated_enum?: readonly string[];
  readonly sibling?: string;
  /** Absent or null: the attribute belongs to the class itself, whatever the profiles. */
  readonly profiles?: readonly string[] | null;
  readonly deprecated?: string | boolean;
}

/** The constraints an object or class puts on its attributes. */
export interface OcsfConstraints {
  readonly at_least_one?: readonly string[];
  readonly just_one?: readonly string[];
}

/** An object (or the class) with its attributes. */
export interface OcsfObject {
  readonly constraints?: OcsfConstraints;
  readonly deprecated?: string | boolean;
  readonly attributes: Readonly<Record<string, OcsfAttribute>>;
}

/** A dictionary type: a primitive, or a subtype of one with its own limits. */
export interface OcsfType {
  readonly type?: string;
  readonly regex?: string;
  readonly max_len?: number;
  readonly range?: readonly [number, number];
  readonly values?: readonly unknown[];
}

/** The compiled definitions of class Compliance Finding at one OCSF version. */
export interface OcsfSchema {
  readonly ocsf_version: string;
  readonly source: { readonly repo: string; readonly tag: string; readonly commit: string };
  readonly class: OcsfObject & {
    readonly name: string;
    readonly uid: number;
    readonly caption: string;
    readonly category_uid: number;
    readonly profiles: readonly string[];
  };
  readonly objects: Readonly<Record<string, OcsfObject>>;
  readonly types: Readonly<Record<string, OcsfType>>;
  readonly profiles: readonly string[];
}

const FIXTURES = new URL('../../fixtures/ocsf/', import.meta.url);
const cache = new Map<OcsfVersion, OcsfSchema>();

/**
 * The Compliance Finding definitions of an OCSF version, read once from test/fixtures/ocsf.
 *
 * @example
 * const schema = loadOcsfSchema('1.6.0');
 * schema.class.uid; // 2003
 */
export function loadOcsfSchema(version: OcsfVersion): OcsfSchema {
  if (!OCSF_VERSIONS.includes(version)) {
    throw new Error(
      `No OCSF definitions for version ${JSON.stringify(version)}; expected one of ${OCSF_VERSIONS.join(', ')}.`,
    );
  }
  let schema = cache.get(version);
  if (!schema) {
    const text = readFileSync(new URL(`${version}/compliance_finding.json`, FIXTURES), 'utf8');
    schema = JSON.parse(text) as OcsfSchema;
    cache.set(version, schema);
  }
  return schema;
}
