/**
 * "New numbers" for an exercise: a seeded variation of its scenario. Each exercise (by id) lists
 * the fields it varies and their ranges; a seed (1–999) picks one value per field with the
 * simulation's PRNG, so "problem 3, seed 17" is the same scenario for everyone. The drawn
 * scenario also takes the seed as its simulation seed (random arrivals, losses). Pure.
 */
import { mulberry32 } from '../../sim/rng';
import { mergeScenario, type Plain } from './merge';

/** What a drawn field is, for its label in the question (`exercise.draw` in the UI strings). */
export type DrawLabel =
  | 'rtt'
  | 'objects'
  | 'objectBytes'
  | 'imageBytes'
  | 'serverTimeout'
  | 'clickAt'
  | 'maxRequests'
  | 'rate';

/** One varied field: a dotted path into the scenario (array indexes allowed) and its grid. */
export interface DrawRange {
  readonly path: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly label: DrawLabel;
}

/** One drawn value. */
export interface DrawnValue {
  readonly label: DrawLabel;
  readonly path: string;
  readonly value: number;
}

/** Seeds run from 1 to this (also the Playground's largest simulation seed). */
export const SEED_MAX = 999;

const range = (
  path: string,
  label: DrawLabel,
  min: number,
  max: number,
  step: number,
): DrawRange => ({ path, label, min, max, step });
const rtt = (min = 20, max = 300): DrawRange => range('network.rttMs', 'rtt', min, max, 10);
const objects = (min: number, max: number): DrawRange =>
  range('page.objects', 'objects', min, max, 1);
const objectBytes = (min: number, max: number): DrawRange =>
  range('page.objectBytes', 'objectBytes', min, max, 100);

/**
 * The varied fields of each exercise, by id. Ranges keep each question's reasoning valid: small
 * objects stay within the first congestion window, click times stay clear of the server's
 * timeout by more than a round trip, rates and timeouts keep the workload short. `null`: the
 * answer does not depend on the numbers (handshake round trips), so there is nothing to draw.
 * An exercise not listed varies the RTT of a page load, and nothing in a workload.
 */
export const EXERCISE_DRAWS: Readonly<Record<string, readonly DrawRange[] | null>> = {
  'exercise-reuse': [rtt(), objects(2, 10), objectBytes(500, 3000)],
  // Each response stays within one segment (body + 250 B of head <= 1,460 B).
  'fast-open-reconnects': [rtt(), objects(2, 8), objectBytes(500, 1200)],
  'http09-page-time': [rtt(), objects(2, 8), objectBytes(500, 4000)],
  'http10-keepalive-time': [rtt(), objects(3, 12), objectBytes(1000, 5000)],
  'http10-max-requests': [
    rtt(),
    objects(4, 12),
    range('server.maxRequestsPerConnection', 'maxRequests', 2, 5, 1),
  ],
  'h11-idle-timeout': [
    rtt(20, 100),
    range('server.keepAliveTimeoutMs', 'serverTimeout', 2000, 7000, 1000),
    range('followUps.0.atMs', 'clickAt', 3000, 12000, 1000),
  ],
  'h11-warm-window': [rtt(), range('page.objects.0', 'imageBytes', 30000, 120000, 10000)],
  'pipe-predict': [rtt(), objects(3, 10), objectBytes(500, 1500)],
  'two-vs-six': [rtt(), objects(6, 24)],
  sharding: [rtt(), objects(6, 24)],
  'workers-needed': [
    rtt(50, 200),
    range('workload.clientsPerSecond', 'rate', 5, 40, 5),
    range('server.keepAliveTimeoutMs', 'serverTimeout', 2000, 8000, 1000),
  ],
  'h1x6-vs-h2': [rtt(), objects(12, 40)],
  'h2-vs-h3-handshake': null,
  'h3-zero-rtt': [rtt(), objects(4, 12)],
  'sharding-on-h2': [rtt(), objects(12, 45)],
};

/** The fields an exercise varies (empty: no "New numbers"). */
export function drawRanges(id: string, base: Plain): readonly DrawRange[] {
  const listed = EXERCISE_DRAWS[id];
  if (listed !== undefined) return listed ?? [];
  return base['workload'] === undefined ? [rtt()] : [];
}

/** Whether `seed` is a valid seed (a whole number from 1 to `SEED_MAX`). */
export const isSeed = (seed: number): boolean =>
  Number.isInteger(seed) && seed >= 1 && seed <= SEED_MAX;

/** Reads a seed from URL text (`?ex-reuse=17`); undefined when it is not one. */
export function parseSeed(text: string | null): number | undefined {
  if (text === null || !/^\d{1,3}$/.test(text.trim())) return undefined;
  const n = Number(text);
  return isSeed(n) ? n : undefined;
}

/** The seed after `seed` ("New numbers" steps through the seeds, then starts over). */
export const nextSeed = (seed: number | undefined): number =>
  seed === undefined || seed >= SEED_MAX ? 1 : seed + 1;

/** The URL key of an exercise's seed. */
export const seedKey = (id: string): string => `ex-${id}`;

/** A copy of `obj` with the value at a dotted path (numeric segments index arrays) replaced. */
function setPath(obj: Plain, path: string, value: number): Plain {
  const out = structuredClone(obj);
  const keys = path.split('.');
  let node: Record<string, unknown> | unknown[] = out;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i] as string;
    const holder = node as Record<string, unknown>;
    const nextKey = keys[i + 1] as string;
    if (holder[key] === undefined || holder[key] === null)
      holder[key] = /^\d+$/.test(nextKey) ? [] : {};
    node = holder[key] as Record<string, unknown>;
  }
  (node as Record<string, unknown>)[keys[keys.length - 1] as string] = value;
  return out;
}

/**
 * The scenario for `seed`: the base with one value per range drawn on its grid, in the order
 * listed, and `seed` as the simulation seed. Same id, base and seed: same scenario.
 */
export function drawScenario(
  ranges: readonly DrawRange[],
  base: Plain,
  seed: number,
): { readonly scenario: Plain; readonly values: readonly DrawnValue[] } {
  if (!isSeed(seed)) throw new RangeError(`seed must be a whole number from 1 to ${SEED_MAX}`);
  const rng = mulberry32(seed);
  let scenario = mergeScenario(base, { seed });
  const values: DrawnValue[] = [];
  for (const r of ranges) {
    const steps = Math.round((r.max - r.min) / r.step);
    const value = r.min + r.step * Math.min(steps, Math.floor(rng() * (steps + 1)));
    scenario = setPath(scenario, r.path, value);
    values.push({ label: r.label, path: r.path, value });
  }
  return { scenario, values };
}
