/**
 * A replay worker (`replay-workers.ts` runs two): imports the HAR and replays it under the
 * protocols it is given, off the main thread (a 20 MB file parses for a second; simulations of a
 * large page take longer), so the page stays responsive. Only the figures travel back, not the
 * traces.
 */
import { importHar } from '../../sim/har';
import {
  replayPlan,
  replayResult,
  replayScenario,
  type ReplayPlan,
  type ReplayProtocol,
} from '../../sim/har/replay';
import { syntheticHar } from '../../sim/har/synthetic';
import { simulate } from '../../sim/simulate';
import { ScenarioError } from '../../sim/simulate';
import { formatErrors } from '../../sim/scenario/validate';
import type { ReplayReply, ReplayRequest, WarmReply, WarmRequest } from './replay-protocol';

const post = (reply: ReplayReply | WarmReply): void => postMessage(reply);

/**
 * The warm-up page: requests and origins of the made-up page replayed before the reader's (half
 * the 300 requests over 20 origins issue 20 times, enough for V8 to compile the paths every
 * replay takes: several origins, discovery, the worker's protocols).
 */
const WARM_SHAPE = { entries: 150, origins: 10 } as const;

/**
 * Passes of the warm-up. With one import and two passes of the simulation, the reader's first
 * file of 300 requests over 20 origins took 185 to 379 ms in the worker on 2026-12-06 (budget
 * 200 ms); with four passes of both 132 to 155 ms, with six 100 to 123 ms (the warm-up itself
 * 1.0 to 1.2 s of worker time while the reader chooses a file; a file given meanwhile waits for
 * one step at most).
 */
const WARM_PASSES = 6;

/** The warm-up's steps left (the import, then each protocol, `WARM_PASSES` times), a task each. */
let warmSteps: (() => void)[] = [];
let warmMs = 0;

function warm(protocols: readonly ReplayProtocol[]): void {
  let plan: ReplayPlan | undefined;
  const load = (): void => {
    const imported = importHar(syntheticHar(WARM_SHAPE.entries, WARM_SHAPE.origins));
    if (imported.ok) plan = replayPlan(imported.page, imported.report, { rttMs: 50 });
  };
  const replay = (p: ReplayProtocol) => (): void => {
    if (plan) simulate(replayScenario(plan, p), { trace: 'metrics' });
  };
  // The import and each protocol, `WARM_PASSES` times: V8 optimises a function once it has run
  // hot for a while, and the later passes run the import's and the simulation's paths as
  // optimised code, which V8 then keeps.
  warmSteps = Array.from({ length: WARM_PASSES }, () => [load, ...protocols.map(replay)]).flat();
  const next = (): void => {
    const step = warmSteps.shift();
    if (step === undefined) return;
    const started = performance.now();
    step();
    warmMs += performance.now() - started;
    if (warmSteps.length > 0) setTimeout(next, 0);
    else post({ warmed: true, ms: warmMs });
  };
  // One step per task: a file that arrives meanwhile is replayed after the current step, not
  // after the whole warm-up.
  setTimeout(next, 0);
}

onmessage = (e: MessageEvent<ReplayRequest | WarmRequest>): void => {
  if ('warm' in e.data) {
    warm(e.data.protocols);
    return;
  }
  if (warmSteps.length > 0) {
    warmSteps = [];
    post({ warmed: true, ms: warmMs });
  }
  const { id, text, net, protocols } = e.data;
  const started = performance.now();
  const imported = importHar(text);
  if (!imported.ok) {
    post({ id, ok: false, code: imported.code, detail: imported.error });
    return;
  }
  const { page, report } = imported;
  try {
    const plan = replayPlan(page, report, net);
    const results = protocols.map((p) =>
      replayResult(p, simulate(replayScenario(plan, p), { trace: 'metrics' }).metrics),
    );
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
        late: plan.late,
        hosts: plan.hosts,
        left: plan.left,
      },
      results,
      computeMs: performance.now() - started,
      scenarios: protocols.map((protocol) => ({
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
