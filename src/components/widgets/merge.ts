/** A plain JSON-like object (scenario fragments). */
export type Plain = { [key: string]: unknown };

const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deep-merges scenario fragments: objects merge key by key, anything else (numbers, strings,
 * arrays) in a later fragment replaces the earlier value. Inputs are not modified.
 */
export function mergeScenario(...parts: (Plain | undefined)[]): Plain {
  const out: Plain = {};
  for (const part of parts) {
    if (!part) continue;
    for (const [key, value] of Object.entries(part)) {
      const prev = out[key];
      out[key] = isPlain(prev) && isPlain(value) ? mergeScenario(prev, value) : value;
    }
  }
  return out;
}
