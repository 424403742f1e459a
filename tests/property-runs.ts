/**
 * fast-check settings for the property-based tests. `npm test` runs each with its own fixed seed and run count,
 * so a failure repeats exactly; PROPERTY_SEED and PROPERTY_RUNS_FACTOR run a longer campaign on another seed.
 */
export type PropertyRun = { seed: number; numRuns: number };

export class PropertyRunSettingError extends Error {}

function readSeed(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.PROPERTY_SEED?.trim();
  if (!text) return undefined;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) {
    throw new PropertyRunSettingError(`PROPERTY_SEED must be a whole number; it is "${text}"`);
  }
  return seed;
}

function readFactor(env: NodeJS.ProcessEnv): number {
  const text = env.PROPERTY_RUNS_FACTOR?.trim();
  if (!text) return 1;
  const factor = Number(text);
  if (!Number.isFinite(factor) || factor <= 0) {
    throw new PropertyRunSettingError(`PROPERTY_RUNS_FACTOR must be a number above 0; it is "${text}"`);
  }
  return factor;
}

/** The test's own seed and run count, unless the environment asks for another seed or more runs. */
export function propertyRun(fixed: PropertyRun, env: NodeJS.ProcessEnv = process.env): PropertyRun {
  return {
    seed: readSeed(env) ?? fixed.seed,
    numRuns: Math.max(1, Math.round(fixed.numRuns * readFactor(env))),
  };
}

/** A test's time limit, grown with its run count. */
export function propertyTimeout(ms: number, env: NodeJS.ProcessEnv = process.env): number {
  return Math.round(ms * Math.max(1, readFactor(env)));
}
