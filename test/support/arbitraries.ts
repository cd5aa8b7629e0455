import fc from 'fast-check';

/**
 * Generators of hostile JSON payloads for the property-based API tests (test/property.test.ts).
 *
 * A payload is built from a description of the endpoint's fields: each field has a generator of
 * valid values and, optionally, of values that break that field's own rules (unknown enum values,
 * codes outside the region, years out of range…). `payloads()` mixes
 *  (a) any JSON at all, objects or not,
 *  (b) objects with the right keys but values of random types,
 *  (c) valid objects with one or two fields mutated (wrong type, blank, 10k characters, negative,
 *      fractional or huge numbers, NUL characters, nulls, garbage arrays, a field left out, an
 *      unknown key added), and
 *  (d) valid objects, so that some writes succeed.
 */

export type Json = unknown;

/** Marks a value the test fills in when it sends the payload (e.g. the entity's current version). */
export class Live {
  constructor(readonly name: string) {}
  toString() { return `<current ${this.name}>`; }
}

/** Leaves the field out of the payload. */
export const OMIT: unique symbol = Symbol('omit');

export interface Field {
  /** Values the server should accept for this field on its own. */
  valid: fc.Arbitrary<Json>;
  /** Values that break a rule of this field in particular (in addition to the generic bad values). */
  bad?: fc.Arbitrary<Json>;
  /** The field may be left out of a valid payload. */
  optional?: boolean;
}
export type Fields = Record<string, Field>;

export interface Shape {
  /** Valid objects. */
  valid: fc.Arbitrary<Record<string, Json>>;
  /** Valid objects with one or two fields broken, left out, or an unknown key added. */
  mutated: fc.Arbitrary<Record<string, Json>>;
  /** The right keys (a random subset) with values of random types. */
  rightKeys: fc.Arbitrary<Record<string, Json>>;
}

const NUL = 'a\u0000b';

/** 10,000 characters and more. */
export const hugeString = fc.constantFrom('x', 'é', '🙂', 'ab ').map((c) => c.repeat(Math.ceil(10_000 / c.length)));

/** Any JSON value, including numbers, strings, arrays, null and odd objects (null prototypes, sparse arrays, dates). */
export const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withDate: true, withNullPrototype: true, withSparseArray: true, withUnicodeString: true, withBoxedValues: true }),
).filter((v) => JSON.stringify(v) !== undefined);

/** Values that are wrong for almost any field. */
export const badValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('', ' ', '\t\n '),
  hugeString,
  fc.constant(NUL),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.boolean(),
  fc.integer({ min: -1_000_000_000_000, max: -1 }),
  fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 2 ** 31 - 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e15 + 1, 1e300, -1e300, 5e-324),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.constantFrom('64.99.99', '64.02.99', '99.99', '64', '6402', '64.02.01.9999', 'ab.cd', '64.02 '),
  fc.uuid({ version: 4 }),
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '../../etc/passwd', '<script>alert(1)</script>', "'; drop table users; --"),
  // Objects that cannot be turned into a string: code doing String(value) before validating fails on them.
  fc.constantFrom<Json>({ toString: 1 }, { toString: 'x', valueOf: 'y' }, { toString: null }),
);

/** Non-blank text (ASCII or Unicode graphemes) of at most `max` characters. */
export function text(max: number, opts: { required?: boolean } = {}): fc.Arbitrary<string> {
  const s = fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(max, 40) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 20) }) },
  );
  return opts.required === false ? s : s.filter((v) => v.trim().length > 0 && v.length <= max);
}

/** Text that breaks a length rule: blank, or one character over the limit. */
export function badText(max: number, opts: { required?: boolean } = { required: true }): fc.Arbitrary<Json> {
  return fc.oneof(
    fc.constant('x'.repeat(max + 1)),
    fc.constant(` ${'y'.repeat(max)} `).map((v) => v + 'z'),
    ...(opts.required === false ? [] : [fc.constantFrom('', '   ')]),
  );
}

/** A whole year in [min, max]. */
export const yearIn = (min: number, max: number) => fc.integer({ min, max });
export const badYear: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(1999, 2101, 0, -2025, 2024.5, 1e9, '2025', '2025-01-01'),
  fc.integer({ min: -100_000, max: 1999 }),
  fc.integer({ min: 2101, max: 2 ** 31 + 10 }),
);

export const enumOf = <T extends string>(values: readonly T[]) => fc.constantFrom(...values);
export const badEnum = <T extends string>(values: readonly T[]): fc.Arbitrary<Json> => fc.oneof(
  fc.constantFrom('unknown', '', `${values[0]} `, values[0]!.toUpperCase(), `${values[0]}s`, ...values.map((v) => [v])),
  fc.string({ maxLength: 12 }),
);

/** Region codes that are malformed, unknown, or outside the caller's region. */
export const badRegionCode = (others: string[] = []): fc.Arbitrary<Json> => fc.oneof(
  fc.constantFrom('64.99', '64.99.99', '64.02.99', '99.99', '64', '64.02.01', '64.02.01.2001', '6402', '64-02', 'ab.cd', ' 64.02', '64.02\n', ...others),
  fc.stringMatching(/^\d{2}\.\d{2}$/),
);

/** Ids: unknown UUIDs, malformed ones, and real ids the caller must not use here. */
export const badId = (foreign: string[] = []): fc.Arbitrary<Json> => fc.oneof(
  fc.uuid({ version: 4 }),
  fc.uuid(),
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '123', ''),
  ...(foreign.length ? [fc.constantFrom(...foreign)] : []),
);

/** Versions that are stale, malformed, or beyond any integer column. */
export const badVersion: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, '1', null, true, [1], { v: 1 }, 2 ** 31 - 1, 2 ** 31, 3e9, 2 ** 53, 1e300),
  fc.integer({ min: 1, max: 60 }),
);

/** An array field: valid items; bad = too long, wrong items, mutated items, not an array. */
export function arrayOf(item: Shape | { valid: fc.Arbitrary<Json>; bad?: fc.Arbitrary<Json> }, opts: { max: number; valid?: fc.Arbitrary<Json[]> }): Field {
  const itemBad = 'mutated' in item ? item.mutated : (item.bad ?? badValue);
  return {
    valid: opts.valid ?? fc.array(item.valid, { maxLength: 3 }),
    bad: fc.oneof(
      fc.array(itemBad, { minLength: 1, maxLength: 3 }),
      fc.tuple(fc.array(item.valid, { maxLength: 2 }), itemBad).map(([ok, b]) => [...ok, b]),
      fc.array(badValue, { minLength: 1, maxLength: 3 }),
      item.valid.map((v) => Array.from({ length: opts.max + 1 }, () => v)),
      'rightKeys' in item ? fc.array(item.rightKeys, { minLength: 1, maxLength: 2 }) : fc.constant([[]]),
      fc.constantFrom('[]', {}, { 0: 'x' }),
    ),
  };
}

export function setOwn(o: Record<string, Json>, k: string, v: Json) {
  // defineProperty: a key named "__proto__" must stay an ordinary (serialized) property.
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

type Obj = Record<string, Json>;

/**
 * The fields of an object payload, valid or broken. `valid` refines the valid objects built from
 * the fields' own valid values, for rules across fields (years in order, targets per polarity…).
 */
export function shape(fields: Fields, opts: { valid?: (base: fc.Arbitrary<Obj>) => fc.Arbitrary<Obj> } = {}): Shape {
  const keys = Object.keys(fields);
  const base = fc.record(
    Object.fromEntries(keys.map((k) => [k, fields[k]!.valid])) as Record<string, fc.Arbitrary<Json>>,
    { requiredKeys: keys.filter((k) => !fields[k]!.optional) },
  ) as fc.Arbitrary<Obj>;
  const valid = opts.valid ? opts.valid(base) : base;
  const fieldMutation = fc.constantFrom(...keys).chain((k) => {
    const own = fields[k]!.bad;
    const v = fc.oneof(
      { weight: 3, arbitrary: badValue },
      ...(own ? [{ weight: 5, arbitrary: own }] : []),
      { weight: 1, arbitrary: fc.constant(OMIT as Json) },
    );
    return v.map((value) => [k, value] as const);
  });
  const extraKey = fc.tuple(
    fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('id', 'version', 'regionCode', 'published', 'createdAt', '__proto__', 'constructor', 'isAdmin')),
    fc.jsonValue({ maxDepth: 1 }),
  ).filter(([k]) => !keys.includes(k));
  const mutation = fc.oneof({ weight: 6, arbitrary: fieldMutation }, { weight: 1, arbitrary: extraKey });
  const mutated = fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([base, ms]) => {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(base)) setOwn(out, k, v);
    for (const [k, v] of ms) {
      if (v === OMIT) delete out[k];
      else setOwn(out, k, v);
    }
    return out;
  });
  const rightKeys = fc.record(
    Object.fromEntries(keys.map((k) => [k, fc.oneof(badValue, anyJson, fields[k]!.valid)])) as Record<string, fc.Arbitrary<Json>>,
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, Json>>;
  return { valid, mutated, rightKeys };
}

export interface Mix { random?: number; rightKeys?: number; mutated?: number; valid?: number }

/** The payloads of one endpoint: (a) any JSON, (b) right keys with random values, (c) one field broken, (d) valid. */
export function payloads(s: Shape, mix: Mix = {}): fc.Arbitrary<Json> {
  const { random = 15, rightKeys = 15, mutated = 60, valid = 10 } = mix;
  return fc.oneof(
    { weight: random, arbitrary: anyJson },
    { weight: rightKeys, arbitrary: s.rightKeys },
    { weight: mutated, arbitrary: s.mutated },
    { weight: valid, arbitrary: s.valid },
  );
}

/** Mostly `main`, sometimes one of `others` (a weighted pick for path ids). */
export function mostly<T>(main: fc.Arbitrary<T>, others: fc.Arbitrary<T>, share = 0.9): fc.Arbitrary<T> {
  const w = Math.round(share * 100);
  return fc.oneof({ weight: w, arbitrary: main }, { weight: 100 - w, arbitrary: others });
}
