/**
 * The messages between the page and the simulation worker (`sim.worker.ts`): a job asks for one
 * scenario's run, or for a workload plan (a main run and its sweep, for the Image host and the
 * Playground's visitors); the worker answers each job once (a plan: once per finished run).
 */
import type { ScenarioInput } from '../../sim/scenario';
import type { SimResult } from '../../sim/simulate';
import type { SweepRow } from '../../sim/sweep';
import type { TraceEvent } from '../../sim/trace';
import type { HostRun, SweepSeries } from '../widgets/image-host-runs';

/** A job for the worker; `job` numbers are unique per page-side client. */
export type SimJob =
  | { readonly kind: 'run'; readonly job: number; readonly input: ScenarioInput }
  | {
      readonly kind: 'plan';
      readonly job: number;
      readonly main: ScenarioInput;
      readonly sweep: readonly SweepSeries[];
    };

/**
 * Events per message when a run's trace comes back (issue 14). The page reads a message's data in
 * one task, and a dense run's 20,000 events took about 40 ms to read at once on this project's
 * 2-core test machine; in parts of this many, each part is read in a task of its own. 2,500 until
 * 2026-12-06, when a part of them still took 22 to 36 ms to read in the Multiplexing widget at
 * its heaviest values (profiled; with the collection of the garbage it left, 55 to 83 ms).
 */
export const TRACE_PART_EVENTS = 1000;

/** What the worker posts back. */
export type SimReply =
  /** The next `TRACE_PART_EVENTS` (or fewer) events of the trace of the job's run, in order. */
  | { readonly job: number; readonly kind: 'events'; readonly events: readonly TraceEvent[] }
  /** The job's run, its trace made of the parts before (`client.ts` puts them back). */
  | { readonly job: number; readonly kind: 'run'; readonly result: SimResult }
  | { readonly job: number; readonly kind: 'main'; readonly run: HostRun }
  | {
      readonly job: number;
      readonly kind: 'row';
      readonly series: number;
      readonly index: number;
      readonly row: SweepRow;
    }
  | { readonly job: number; readonly kind: 'error'; readonly message: string };
