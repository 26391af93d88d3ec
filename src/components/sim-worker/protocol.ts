/**
 * The messages between the page and the simulation worker (`sim.worker.ts`): a job asks for one
 * scenario's run, or for a workload plan (a main run and its sweep, for the Image host and the
 * Playground's visitors); the worker answers each job once (a plan: once per finished run).
 */
import type { ScenarioInput } from '../../sim/scenario';
import type { SimResult } from '../../sim/simulate';
import type { SweepRow } from '../../sim/sweep';
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

/** What the worker posts back. */
export type SimReply =
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
