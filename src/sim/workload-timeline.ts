/**
 * A workload's server state over time, in fixed bins: what the Image-host widget draws. Like the
 * workload metrics, it is built from `server` events alone while they stream past, so a summary
 * run can produce it without storing the trace.
 */
import type { TraceEvent } from './trace';

/** Server state over time; bin `i` covers [i × stepMs, (i + 1) × stepMs). */
export interface WorkloadTimeline {
  /** Bin width (ms). */
  readonly stepMs: number;
  /** Workers (threaded) or the connection cap (event); null when unlimited. */
  readonly capacity: number | null;
  /** Time-averaged busy workers in each bin (event model: active connections). */
  readonly busy: readonly number[];
  /** Time-averaged workers held by idle keep-alive connections (event model: idle connections). */
  readonly idle: readonly number[];
  /** Longest listen backlog (accept queue) in each bin. */
  readonly backlog: readonly number[];
  /** SYNs dropped in each bin because the backlog was full. */
  readonly synDrops: readonly number[];
  /** Time-averaged server sockets in TIME_WAIT in each bin. */
  readonly timeWait: readonly number[];
}

/** Streaming builder of a `WorkloadTimeline` over [0, durationMs] with `bins` bins. */
export class TimelineAccumulator {
  private readonly stepMs: number;
  private readonly busyArea: Float64Array;
  private readonly idleArea: Float64Array;
  private readonly timeWaitArea: Float64Array;
  private readonly backlogMax: Float64Array;
  private readonly drops: Float64Array;
  private capacity: number | null = null;
  private lastT = 0;
  private busy = 0;
  private idle = 0;
  private timeWait = 0;

  constructor(
    private readonly durationMs: number,
    private readonly bins: number,
  ) {
    this.stepMs = durationMs / bins;
    this.busyArea = new Float64Array(bins);
    this.idleArea = new Float64Array(bins);
    this.timeWaitArea = new Float64Array(bins);
    this.backlogMax = new Float64Array(bins);
    this.drops = new Float64Array(bins);
  }

  private bin(t: number): number {
    return Math.min(this.bins - 1, Math.floor(t / this.stepMs));
  }

  /** Integrates the current state from `lastT` to `t`, splitting at bin edges. */
  private advance(t: number): void {
    const to = Math.min(t, this.durationMs);
    while (this.lastT < to) {
      const i = this.bin(this.lastT);
      const end = Math.min(to, (i + 1) * this.stepMs);
      const dt = end - this.lastT;
      this.busyArea[i] = (this.busyArea[i] as number) + this.busy * dt;
      this.idleArea[i] = (this.idleArea[i] as number) + this.idle * dt;
      this.timeWaitArea[i] = (this.timeWaitArea[i] as number) + this.timeWait * dt;
      // A bin edge that rounding puts at or before lastT would not advance: jump to `to`.
      this.lastT = end > this.lastT ? end : to;
    }
  }

  /** Feeds one event (in trace order); only `server` events count. */
  add(e: TraceEvent): void {
    if (e.type !== 'server') return;
    this.advance(e.t);
    if (e.free !== null) this.capacity = e.busy + e.idle + e.free;
    this.busy = e.busy;
    this.idle = e.idle;
    this.timeWait = e.timeWait;
    if (e.t >= this.durationMs) return;
    const i = this.bin(e.t);
    if (e.backlog > (this.backlogMax[i] as number)) this.backlogMax[i] = e.backlog;
    if (e.reason === 'syn-dropped') this.drops[i] = (this.drops[i] as number) + 1;
  }

  /** The timeline (call after the last event). */
  result(): WorkloadTimeline {
    this.advance(this.durationMs);
    const avg = (a: Float64Array): number[] => Array.from(a, (x) => x / this.stepMs);
    return {
      stepMs: this.stepMs,
      capacity: this.capacity,
      busy: avg(this.busyArea),
      idle: avg(this.idleArea),
      backlog: Array.from(this.backlogMax),
      synDrops: Array.from(this.drops),
      timeWait: avg(this.timeWaitArea),
    };
  }
}
