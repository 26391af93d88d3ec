/**
 * Messages between the replay page (`replay-page.ts`) and its worker (`replay.worker.ts`): the
 * HAR's text and the reader's network go in; the page's figures, what was read and the four
 * protocols' results come out, or the reason there are none.
 */
import type { HarErrorCode, HarReport } from '../../sim/har';
import type { ReplayNetwork, ReplayPlan, ReplayProtocol, ReplayResult } from '../../sim/har/replay';
import type { ScenarioInput } from '../../sim/scenario';

export interface ReplayRequest {
  readonly id: number;
  readonly text: string;
  readonly net: ReplayNetwork;
  /** The protocols this worker replays (`REPLAY_SHARES`). */
  readonly protocols: readonly ReplayProtocol[];
}

/**
 * Sent once, when the reader first points at, touches or focuses the form, or drags a file over
 * the page: the worker replays a small made-up page under the four protocols while the reader
 * picks a file, so that V8 has compiled the simulation before the reader's page arrives (a cold
 * worker took 300-665 ms for 300 requests, a warm one about 100). A reader's file stops it.
 */
export interface WarmRequest {
  readonly warm: true;
  readonly protocols: readonly ReplayProtocol[];
}

/** The worker's answer to `WarmRequest`: finished (or cut short by a file) and its own time. */
export interface WarmReply {
  readonly warmed: true;
  readonly ms: number;
}

export type ReplayReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly documentUrl: string;
      /** The HAR's origins (`scheme://host[:port]`), the document's first. */
      readonly origins: readonly string[];
      /** Origins the recording sent over another origin's HTTP/2 or HTTP/3 connection. */
      readonly coalesced: readonly { readonly origin: string; readonly with: string }[];
      readonly measuredLoadMs: number;
      readonly report: HarReport;
      readonly plan: Pick<ReplayPlan, 'network' | 'objects' | 'bytes' | 'late' | 'hosts' | 'left'>;
      readonly results: readonly ReplayResult[];
      /**
       * Time the worker took to import the HAR and replay it under its protocols (ms, its own
       * clock); merged (`replay-workers.ts`), the slower worker's.
       */
      readonly computeMs: number;
      /** Each protocol's scenario, for the diagrams (run again in the simulation worker). */
      readonly scenarios: readonly {
        readonly protocol: ReplayProtocol;
        readonly scenario: ScenarioInput;
      }[];
    }
  | {
      readonly id: number;
      readonly ok: false;
      /** The importer's code, `too-big` (the simulation refused the page) or `failed`. */
      readonly code: HarErrorCode | 'too-big' | 'failed';
      readonly detail: string;
    };
