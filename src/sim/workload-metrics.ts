/**
 * Metrics of a workload, derived from trace events only (`server` snapshots and `request`
 * steps). The accumulator consumes events one by one, so a summary run can compute them while
 * the events stream past without storing the trace; `computeWorkloadMetrics` runs the same
 * accumulator over a stored trace.
 */
import { percentile } from './percentile';
import type { Trace, TraceEvent } from './trace';

export { percentile } from './percentile';

/** Percentiles in ms (nearest rank: the smallest value with at least p% of values at or below it). */
export interface Percentiles {
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** Summary of a workload run. Means are time averages over [0, durationMs]. */
export interface WorkloadMetrics {
  readonly durationMs: number;
  /** Clients that arrived (requests issued / objects per client). */
  readonly clients: number;
  readonly requestsIssued: number;
  /** Requests answered completely (at any time). */
  readonly requestsCompleted: number;
  /** Requests that failed for good (connection timeout after refused SYNs, resets). */
  readonly requestsFailed: number;
  /** Requests completed within [0, durationMs] per second of duration. */
  readonly throughputPerSec: number;
  /** Threaded: workers serving (or reading a request); event: active connections. */
  readonly meanWorkersBusy: number;
  /** Threaded: workers held by idle keep-alive connections; event: idle connections. */
  readonly meanWorkersIdle: number;
  readonly peakWorkersBusy: number;
  readonly peakWorkersIdle: number;
  /** Peak of busy + idle (workers taken, or open connections in the event model). */
  readonly peakWorkers: number;
  /** Connections that had at least one SYN dropped (backlog full). */
  readonly refused: number;
  /** SYNs dropped in all (retransmissions included). */
  readonly synDrops: number;
  /** Time established connections waited in the backlog for a worker (0 when one was free). */
  readonly queueingDelayMs: { readonly mean: number; readonly p95: number };
  readonly peakBacklog: number;
  /** Per request: from the client wanting it (queued) to its last byte (done). */
  readonly latencyMs: Percentiles;
  readonly timeWaitPeak: number;
  readonly timeWaitMean: number;
  readonly fdsPeak: number;
  readonly memoryPeakBytes: number;
  readonly memoryMeanBytes: number;
}

/** Rounds a difference of ms times to whole µs (the engine's unit), removing float noise. */
function roundUs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function sortedCopy(xs: readonly number[]): Float64Array {
  const a = Float64Array.from(xs);
  a.sort();
  return a;
}

/** Streaming accumulator of workload metrics. */
export class WorkloadAccumulator {
  private lastT = 0;
  private busy = 0;
  private idle = 0;
  private timeWait = 0;
  private memory = 0;
  private busyArea = 0;
  private idleArea = 0;
  private timeWaitArea = 0;
  private memoryArea = 0;
  private peakBusy = 0;
  private peakIdle = 0;
  private peakWorkers = 0;
  private peakBacklog = 0;
  private peakTimeWait = 0;
  private peakFds = 0;
  private peakMemory = 0;
  private synDrops = 0;
  private readonly refusedConns = new Set<number>();
  private readonly queuedAt = new Map<number, number>();
  private readonly delays: number[] = [];
  private queuedMs = new Float64Array(1024).fill(-1);
  private readonly latencies: number[] = [];
  private issued = 0;
  private completed = 0;
  private failed = 0;
  private completedInWindow = 0;

  constructor(
    private readonly durationMs: number,
    private readonly objectsPerClient: number,
  ) {}

  private advance(t: number): void {
    const to = Math.min(t, this.durationMs);
    if (to > this.lastT) {
      const dt = to - this.lastT;
      this.busyArea += this.busy * dt;
      this.idleArea += this.idle * dt;
      this.timeWaitArea += this.timeWait * dt;
      this.memoryArea += this.memory * dt;
      this.lastT = to;
    }
  }

  /** Feeds one event (in trace order). */
  add(e: TraceEvent): void {
    if (e.type === 'server') {
      this.advance(e.t);
      this.busy = e.busy;
      this.idle = e.idle;
      this.timeWait = e.timeWait;
      this.memory = e.memoryBytes;
      if (e.busy > this.peakBusy) this.peakBusy = e.busy;
      if (e.idle > this.peakIdle) this.peakIdle = e.idle;
      if (e.busy + e.idle > this.peakWorkers) this.peakWorkers = e.busy + e.idle;
      if (e.backlog > this.peakBacklog) this.peakBacklog = e.backlog;
      if (e.timeWait > this.peakTimeWait) this.peakTimeWait = e.timeWait;
      if (e.fds > this.peakFds) this.peakFds = e.fds;
      if (e.memoryBytes > this.peakMemory) this.peakMemory = e.memoryBytes;
      switch (e.reason) {
        case 'syn-dropped':
          this.synDrops++;
          this.refusedConns.add(e.conn);
          break;
        case 'queued':
          this.queuedAt.set(e.conn, e.t);
          break;
        case 'accepted': {
          const q = this.queuedAt.get(e.conn);
          if (q === undefined) this.delays.push(0);
          else {
            this.delays.push(roundUs(e.t - q));
            this.queuedAt.delete(e.conn);
          }
          break;
        }
        case 'released':
          this.queuedAt.delete(e.conn);
          break;
        default:
          break;
      }
      return;
    }
    if (e.type !== 'request') return;
    const id = e.requestId;
    if (e.step === 'queued') {
      if (id >= this.queuedMs.length) {
        const bigger = new Float64Array(Math.max(id + 1, this.queuedMs.length * 2)).fill(-1);
        bigger.set(this.queuedMs);
        this.queuedMs = bigger;
      }
      if ((this.queuedMs[id] as number) < 0) {
        this.queuedMs[id] = e.t;
        this.issued++;
      }
    } else if (e.step === 'done') {
      this.completed++;
      if (e.t <= this.durationMs) this.completedInWindow++;
      const q = id < this.queuedMs.length ? (this.queuedMs[id] as number) : -1;
      if (q >= 0) this.latencies.push(roundUs(e.t - q));
    } else if (e.step === 'error') this.failed++;
  }

  /** Response times of the completed requests so far, ascending (ms). */
  sortedLatencies(): Float64Array {
    return sortedCopy(this.latencies);
  }

  /** The metrics so far (call after the last event). */
  result(): WorkloadMetrics {
    this.advance(this.durationMs);
    const d = this.durationMs;
    const lat = sortedCopy(this.latencies);
    const del = sortedCopy(this.delays);
    const mean = (a: Float64Array): number => {
      let s = 0;
      for (const x of a) s += x;
      return a.length === 0 ? 0 : s / a.length;
    };
    return {
      durationMs: d,
      clients: Math.round(this.issued / this.objectsPerClient),
      requestsIssued: this.issued,
      requestsCompleted: this.completed,
      requestsFailed: this.failed,
      throughputPerSec: this.completedInWindow / (d / 1000),
      meanWorkersBusy: this.busyArea / d,
      meanWorkersIdle: this.idleArea / d,
      peakWorkersBusy: this.peakBusy,
      peakWorkersIdle: this.peakIdle,
      peakWorkers: this.peakWorkers,
      refused: this.refusedConns.size,
      synDrops: this.synDrops,
      queueingDelayMs: { mean: mean(del), p95: percentile(del, 95) },
      peakBacklog: this.peakBacklog,
      latencyMs: {
        mean: mean(lat),
        p50: percentile(lat, 50),
        p95: percentile(lat, 95),
        p99: percentile(lat, 99),
      },
      timeWaitPeak: this.peakTimeWait,
      timeWaitMean: this.timeWaitArea / d,
      fdsPeak: this.peakFds,
      memoryPeakBytes: this.peakMemory,
      memoryMeanBytes: this.memoryArea / d,
    };
  }
}

/** Workload metrics of a stored trace. */
export function computeWorkloadMetrics(
  trace: Trace,
  durationMs: number,
  objectsPerClient: number,
): WorkloadMetrics {
  const acc = new WorkloadAccumulator(durationMs, objectsPerClient);
  for (const e of trace) acc.add(e);
  return acc.result();
}
