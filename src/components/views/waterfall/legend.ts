/** What a waterfall's legend lists: only the phases and marks its rows contain. */
import { requestPhases, type RequestPhase } from '../colors';
import type { WaterfallRow } from './rows';

/**
 * What the rows contain, for a legend that lists only what is drawn: the phases present (in
 * `requestPhases` order), whether any attempt failed or was retried, and whether any row has
 * server processing.
 */
export function waterfallPresent(rows: readonly WaterfallRow[]): {
  phases: RequestPhase[];
  error: boolean;
  retry: boolean;
  server: boolean;
  headOfLine: boolean;
  ownData: boolean;
} {
  const phases = new Set<RequestPhase>();
  let error = false;
  let retry = false;
  let server = false;
  let headOfLine = false;
  let ownData = false;
  for (const r of rows) {
    for (const p of r.phases) phases.add(p.phase);
    if (r.outcome === 'error') error = true;
    if (r.outcome === 'retry') retry = true;
    if (r.server) server = true;
    for (const s of r.stalls ?? []) {
      if (s.cause === 'head-of-line') headOfLine = true;
      else ownData = true;
    }
  }
  return {
    phases: requestPhases.filter((p) => phases.has(p)),
    error,
    retry,
    server,
    headOfLine,
    ownData,
  };
}
