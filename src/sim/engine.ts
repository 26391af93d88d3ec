/** Integer microseconds: the engine's unit of virtual time (no float drift). */
export type Micros = number;

/** Microseconds per millisecond. */
export const US_PER_MS = 1000;

/** Converts milliseconds (interface unit) to integer microseconds (engine unit). */
export function msToUs(ms: number): Micros {
  return Math.round(ms * US_PER_MS);
}

/** Converts integer microseconds (engine unit) to milliseconds (interface unit). */
export function usToMs(us: Micros): number {
  return us / US_PER_MS;
}

/** A scheduled callback. */
export type EventCallback = () => void;

/**
 * A binary min-heap of callbacks ordered by (time, insertion counter), so events at the same
 * time run in the order they were scheduled. Parallel arrays keep it allocation-free per event.
 */
export class EventQueue {
  private times: number[] = [];
  private seqs: number[] = [];
  private fns: EventCallback[] = [];
  private counter = 0;

  /** Number of pending events. */
  get size(): number {
    return this.times.length;
  }

  /** Time of the earliest pending event, or Infinity when empty. */
  peekTime(): number {
    return this.times.length > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Adds a callback at `time`. */
  push(time: number, fn: EventCallback): void {
    const times = this.times;
    const seqs = this.seqs;
    const fns = this.fns;
    const seq = this.counter++;
    let i = times.length;
    times.push(time);
    seqs.push(seq);
    fns.push(fn);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p] as number;
      if (pt < time || (pt === time && (seqs[p] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p] as number;
      fns[i] = fns[p] as EventCallback;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    fns[i] = fn;
  }

  /** Removes the earliest event and returns its callback (check `size` first); its time is `lastTime`. */
  pop(): EventCallback {
    const times = this.times;
    const seqs = this.seqs;
    const fns = this.fns;
    const top = fns[0] as EventCallback;
    this.lastTime = times[0] as number;
    const lastT = times.pop() as number;
    const lastS = seqs.pop() as number;
    const lastF = fns.pop() as EventCallback;
    const n = times.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        let ct = times[l] as number;
        let cs = seqs[l] as number;
        if (r < n) {
          const rt = times[r] as number;
          const rs = seqs[r] as number;
          if (rt < ct || (rt === ct && rs < cs)) {
            c = r;
            ct = rt;
            cs = rs;
          }
        }
        if (lastT < ct || (lastT === ct && lastS < cs)) break;
        times[i] = ct;
        seqs[i] = cs;
        fns[i] = fns[c] as EventCallback;
        i = c;
      }
      times[i] = lastT;
      seqs[i] = lastS;
      fns[i] = lastF;
    }
    return top;
  }

  /** Time of the event most recently returned by `pop`. */
  lastTime = 0;
}

/** Why `Engine.run` returned. */
export type RunOutcome = 'idle' | 'until' | 'max-events';

/** The discrete-event kernel: virtual time, a deterministic event queue, an event counter. */
export class Engine {
  /** Current virtual time in integer microseconds. */
  now: Micros = 0;
  /** Number of events executed so far. */
  events = 0;
  private readonly queue = new EventQueue();

  /** Schedules `fn` to run `delayUs` microseconds from now (delay >= 0, rounded to an integer). */
  schedule(delayUs: Micros, fn: EventCallback): void {
    this.queue.push(this.now + Math.max(0, Math.round(delayUs)), fn);
  }

  /** Schedules `fn` at absolute time `atUs` (never in the past). */
  scheduleAt(atUs: Micros, fn: EventCallback): void {
    this.queue.push(Math.max(this.now, Math.round(atUs)), fn);
  }

  /** Number of pending events. */
  get pending(): number {
    return this.queue.size;
  }

  /** Runs events in (time, insertion) order until the queue is empty, time passes `untilUs`, or `maxEvents` ran. */
  run(untilUs: Micros = Infinity, maxEvents = Infinity): RunOutcome {
    const q = this.queue;
    let budget = maxEvents;
    while (q.size > 0) {
      if (q.peekTime() > untilUs) {
        this.now = untilUs;
        return 'until';
      }
      if (budget <= 0) return 'max-events';
      budget--;
      const fn = q.pop();
      this.now = q.lastTime;
      this.events++;
      fn();
    }
    return 'idle';
  }
}

function noop(): void {}

/**
 * A restartable one-shot timer with at most one pending engine event: moving the deadline
 * later does not schedule a new event (the pending one re-arms itself when it fires early).
 */
export class Timer {
  private deadline = -1;
  private scheduledAt = -1;

  constructor(
    private readonly engine: Engine,
    private fn: () => void,
  ) {}

  /** True while armed. */
  get armed(): boolean {
    return this.deadline >= 0;
  }

  /** Arms the timer to fire `delayUs` from now (replacing any earlier deadline). */
  set(delayUs: Micros): void {
    this.setAt(this.engine.now + Math.max(0, Math.round(delayUs)));
  }

  /**
   * Arms the timer to fire at absolute time `atUs`, a fraction rounded up to the whole microsecond
   * (the engine's clock): rounded down, the timer would wake before its deadline and again at the
   * same microsecond forever.
   */
  setAt(time: Micros): void {
    const atUs = Math.ceil(time);
    this.deadline = atUs;
    if (this.scheduledAt < 0 || this.scheduledAt > atUs) {
      this.scheduledAt = atUs;
      this.engine.scheduleAt(atUs, () => this.fire(atUs));
    }
  }

  /** Disarms the timer. */
  cancel(): void {
    this.deadline = -1;
  }

  /**
   * Replaces the callback with a no-op, so that a pending engine event no longer keeps the
   * callback's objects alive (a large workload frees closed connections early). The schedule is
   * untouched (the same engine events still run): use it only where the callback would do nothing.
   */
  dispose(): void {
    this.fn = noop;
  }

  private fire(at: Micros): void {
    if (at !== this.scheduledAt) return;
    this.scheduledAt = -1;
    if (this.deadline < 0) return;
    if (this.engine.now < this.deadline) {
      const d = this.deadline;
      this.scheduledAt = d;
      this.engine.scheduleAt(d, () => this.fire(d));
      return;
    }
    this.deadline = -1;
    this.fn();
  }
}
