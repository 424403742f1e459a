import fc from 'fast-check';

/**
 * Requests that are nearly right, for the property-based runs: a valid value with one place in it broken, so a
 * run gets past the schema checks into the rules behind them, which wholly random input never reaches.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Path = (string | number)[];

/** Every place in a JSON value: the value itself, each object key and each array element, to any depth. */
function placesIn(value: Json, at: Path = []): Path[] {
  const inner =
    value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) => placesIn(child, [...at, Array.isArray(value) ? +key : key]))
      : [];
  return [at, ...inner];
}

type Mutation = { set: Json } | { drop: true } | { add: [string, Json] };

function mutate(valid: Json, at: Path, mutation: Mutation): Json {
  const copy = structuredClone(valid);
  if (at.length === 0) return 'set' in mutation ? mutation.set : copy;
  const parent = at.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, copy);
  const key = at[at.length - 1] as string | number;
  if (Array.isArray(parent)) {
    if ('set' in mutation) parent[key as number] = mutation.set;
    else if ('drop' in mutation) parent.splice(key as number, 1);
  } else if (parent !== null && typeof parent === 'object') {
    if ('set' in mutation) parent[key] = mutation.set;
    else if ('drop' in mutation) delete parent[key];
    else parent[mutation.add[0]] = mutation.add[1];
  }
  return copy;
}

/** A valid value as it is, or with one place in it replaced by junk, dropped, or given a key it does not have. */
export const nearlyValid = (valid: Json, junk: fc.Arbitrary<Json>): fc.Arbitrary<Json> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(valid) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...placesIn(valid)),
          fc.oneof(
            junk.map((set): Mutation => ({ set })),
            fc.constant<Mutation>({ drop: true }),
            fc.tuple(fc.string({ maxLength: 12 }), junk).map((add): Mutation => ({ add })),
          ),
        )
        .map(([at, mutation]) => mutate(valid, at, mutation)),
    },
  );

/** A URL segment; text with a lone surrogate cannot be URI-encoded, so its raw UTF-16 bytes go percent-encoded. */
export function encodeSegment(value: unknown): string {
  const text = value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf16le')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}
