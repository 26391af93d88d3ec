/**
 * The replay page's worker: imports the HAR and replays it under the four protocols off the main
 * thread (a 20 MB file parses for a second; four simulations of a large page take longer), so the
 * page stays responsive. Only the figures travel back, not the traces.
 */
import { importHar } from '../../sim/har';
import { REPLAY_PROTOCOLS, replayAll, replayPlan, replayScenario } from '../../sim/har/replay';
import { ScenarioError } from '../../sim/simulate';
import { formatErrors } from '../../sim/scenario/validate';
import type { ReplayReply, ReplayRequest } from './replay-protocol';

const post = (reply: ReplayReply): void => postMessage(reply);

onmessage = (e: MessageEvent<ReplayRequest>): void => {
  const { id, text, net } = e.data;
  const started = performance.now();
  const imported = importHar(text);
  if (!imported.ok) {
    post({ id, ok: false, code: imported.code, detail: imported.error });
    return;
  }
  const { page, report } = imported;
  try {
    const plan = replayPlan(page, report, net);
    const results = replayAll(plan);
    post({
      id,
      ok: true,
      documentUrl: page.documentUrl,
      origins: page.origins.map((o) => o.origin),
      coalesced: page.coalesced,
      measuredLoadMs: page.measuredLoadMs,
      report,
      plan: {
        network: plan.network,
        objects: plan.objects,
        bytes: plan.bytes,
        hosts: plan.hosts,
        left: plan.left,
      },
      results,
      computeMs: performance.now() - started,
      scenarios: REPLAY_PROTOCOLS.map((protocol) => ({
        protocol,
        scenario: replayScenario(plan, protocol),
      })),
    });
  } catch (err) {
    if (err instanceof ScenarioError)
      post({ id, ok: false, code: 'too-big', detail: formatErrors(err.errors) });
    else
      post({
        id,
        ok: false,
        code: 'failed',
        detail: err instanceof Error ? err.message : String(err),
      });
  }
};
