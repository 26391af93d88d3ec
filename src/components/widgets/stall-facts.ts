/** The stalls of a multiplexed run for the Multiplexing widget's sentence (only its code carries them). */
import type { Metrics, StallSummary, StallTotals } from '../../sim';

/**
 * Stalls of a run as the simulation measures them (`streamStallMs`, src/sim/metrics.ts: per
 * stream the union of its waiting intervals within its lifetime, summed over streams): both kinds
 * together, head-of-line blocked and waiting for its own lost data; all zero for HTTP/1.x.
 */
export function streamStalls(
  metrics: Metrics,
): Pick<StallSummary, 'total' | 'longest' | 'count' | 'headOfLine' | 'ownData'> {
  return metrics.streamStallMs ?? { ...NO_STALLS, headOfLine: NO_STALLS, ownData: NO_STALLS };
}

const NO_STALLS: StallTotals = { total: 0, longest: 0, count: 0 };
