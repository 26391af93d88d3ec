import { describe, expect, it } from 'vitest';
import { mainThreadTasks } from '../../budget/input-latency';

/** A thread's name, as Chromium writes it in a trace's metadata. */
const thread = (pid: number, tid: number, name: string) => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});

/** A complete event (µs). */
const task = (pid: number, tid: number, name: string, ts: number, dur: number, tdur?: number) => ({
  name,
  ph: 'X',
  pid,
  tid,
  ts,
  dur,
  ...(tdur === undefined ? {} : { tdur }),
});

describe('mainThreadTasks', () => {
  it("reads the busiest renderer main thread's top-level tasks, each once, with wall and CPU time", () => {
    const trace = {
      traceEvents: [
        thread(1, 11, 'CrRendererMain'),
        thread(1, 12, 'Compositor'),
        thread(2, 21, 'CrRendererMain'),
        // The page's renderer: a 60 ms task the thread spent 20 ms of CPU in, with its nested
        // RunTask event, then a 5 ms task.
        task(1, 11, 'ThreadControllerImpl::RunTask', 1_000, 60_000, 20_000),
        task(1, 11, 'RunTask', 1_000, 59_000, 19_500),
        task(1, 11, 'FunctionCall', 2_000, 50_000, 18_000),
        task(1, 11, 'ThreadControllerImpl::RunTask', 70_000, 5_000, 5_000),
        // Another thread of the same renderer, and a blank tab's renderer with less work.
        task(1, 12, 'ThreadControllerImpl::RunTask', 1_000, 90_000, 90_000),
        task(2, 21, 'ThreadControllerImpl::RunTask', 1_000, 10_000, 10_000),
      ],
    };
    expect(mainThreadTasks(trace)).toEqual([
      { wallMs: 60, cpuMs: 20 },
      { wallMs: 5, cpuMs: 5 },
    ]);
  });

  it('takes the wall time as the CPU time when the trace has no thread time', () => {
    const trace = {
      traceEvents: [
        thread(3, 31, 'CrRendererMain'),
        task(3, 31, 'ThreadControllerImpl::RunTask', 0, 12_000),
      ],
    };
    expect(mainThreadTasks(trace)).toEqual([{ wallMs: 12, cpuMs: 12 }]);
  });

  it('finds no task in a trace without a renderer main thread', () => {
    expect(mainThreadTasks({ traceEvents: [task(4, 41, 'RunTask', 0, 80_000, 80_000)] })).toEqual(
      [],
    );
  });
});
