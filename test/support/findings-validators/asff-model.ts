import { readFileSync } from 'node:fs';

/** Limits that the API reference states in a member's documentation rather than in the model. */
export interface AsffDocumented {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly maxEntries?: number;
  readonly maxKeyLength?: number;
  readonly maxValueLength?: number;
  /** The member is a timestamp in the formats of the API reference's "Timestamps" section. */
  readonly timestamp?: boolean;
}

/** A member of a structure shape. */
export interface AsffMember {
  readonly shape: string;
  readonly deprecated?: boolean;
  readonly documented?: AsffDocumented;
}

/** A shape of the Security Hub API model (botocore's JSON form), documentation dropped. */
export interface AsffShape {
  readonly type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'double'
    | 'boolean';
  readonly required?: readonly string[];
  readonly members?: Readonly<Record<string, AsffMember>>;
  readonly member?: { readonly shape: string };
  readonly key?: { readonly shape: string };
  readonly value?: { readonly shape: string };
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

/** The AwsSecurityFinding shape and every shape it reaches. */
export interface AsffModel {
  readonly source: { readonly repo: string; readonly path: string; readonly commit: string };
  readonly apiVersion: string;
  readonly root: string;
  readonly shapes: Readonly<Record<string, AsffShape>>;
}

let cached: AsffModel | undefined;

/**
 * The Security Hub model of a finding, read once from test/fixtures/asff.
 *
 * @example
 * loadAsffModel().shapes.AwsSecurityFinding?.required; // ['SchemaVersion', 'Id', …]
 */
export function loadAsffModel(): AsffModel {
  cached ??= JSON.parse(
    readFileSync(new URL('../../fixtures/asff/aws-security-finding.json', import.meta.url), 'utf8'),
  ) as AsffModel;
  return cached;
}
