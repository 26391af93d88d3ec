/**
 * The sentence on server pressure that the Image host's and the Playground's visitor summaries
 * share: refused connections (and the requests that failed when their connection attempts were
 * abandoned), or the wait in the backlog, or none; all figures from the run's workload metrics.
 */
import { fill } from '../../i18n/fill';
import type { UiStrings } from '../../i18n/ui';
import type { WorkloadMetrics } from '../../sim/workload-metrics';
import { formatInt } from '../views/number-format';
import { ms, plural } from './trace-facts';

export function pressureSentence(w: WorkloadMetrics, strings: UiStrings): string {
  const h = strings.widgets.imageHost;
  if (w.refused > 0) {
    const refused = plural(h.pressureRefused, w.refused);
    if (w.requestsFailed === 0) return refused;
    return refused + strings.views.sentenceSep + plural(h.pressureFailed, w.requestsFailed);
  }
  if (w.peakBacklog > 0)
    return fill(h.pressureQueue, {
      backlog: formatInt(w.peakBacklog),
      wait: ms(w.queueingDelayMs.p95),
    });
  return h.pressureNone;
}
