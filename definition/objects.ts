/**
 * `T` with every property that may be `undefined` made optional instead, as
 * `exactOptionalPropertyTypes` wants optional properties to be.
 */
export type Defined<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * A copy of `fields` without the properties whose value is `undefined`, so
 * that absent values stay absent (in JSON output and under
 * `exactOptionalPropertyTypes`) instead of being present and undefined.
 */
export function definedFields<T extends object>(fields: T): Defined<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Defined<T>;
}
