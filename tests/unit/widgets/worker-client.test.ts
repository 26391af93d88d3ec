/**
 * The page's side of the simulation worker (`sim-worker/client.ts`) against a fake Worker: a
 * run's trace comes in parts, each its own message (so each is read in a task of its own), and
 * the client gives the job one result whose trace is the parts in order.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SimReply } from '../../../src/components/sim-worker/protocol';
import type { SimResult } from '../../../src/sim/simulate';
import type { TraceEvent } from '../../../src/sim/trace';

const workers: FakeWorker[] = [];
class FakeWorker {
  readonly listeners = new Map<string, (e: { data: SimReply }) => void>();
  terminated = false;
  constructor() {
    workers.push(this);
  }
  addEventListener(type: string, f: (e: { data: SimReply }) => void): void {
    this.listeners.set(type, f);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  send(data: SimReply): void {
    this.listeners.get('message')?.({ data });
  }
}

beforeAll(() => vi.stubGlobal('Worker', FakeWorker));
afterAll(() => vi.unstubAllGlobals());

const event = (t: number): TraceEvent => ({ type: 'end', t }) as TraceEvent;
const result = { scenario: {}, trace: [], metrics: {} } as unknown as SimResult;

describe('SimWorkerClient', () => {
  it('puts a run trace back together from its parts, in order', async () => {
    const { SimWorkerClient } = await import('../../../src/components/sim-worker/client');
    const client = new SimWorkerClient();
    const replies: SimReply[] = [];
    const job = client.post({ kind: 'run', input: {} }, (r) => replies.push(r));
    const worker = workers.at(-1) as FakeWorker;
    worker.send({ job, kind: 'events', events: [event(1), event(2)] });
    worker.send({ job, kind: 'events', events: [event(3)] });
    // Parts alone reach no handler.
    expect(replies).toHaveLength(0);
    worker.send({ job, kind: 'run', result });
    expect(replies).toHaveLength(1);
    const reply = replies[0] as SimReply & { kind: 'run' };
    expect(reply.result.trace.map((e) => e.t)).toEqual([1, 2, 3]);
  });

  it("keeps a dropped job's parts out of a later job's trace", async () => {
    const { SimWorkerClient } = await import('../../../src/components/sim-worker/client');
    const client = new SimWorkerClient();
    const replies: SimReply[] = [];
    const first = client.post({ kind: 'run', input: {} }, (r) => replies.push(r));
    (workers.at(-1) as FakeWorker).send({ job: first, kind: 'events', events: [event(1)] });
    client.reset();
    // A fresh worker numbers on; a later job never sees the dropped job's events.
    const second = client.post({ kind: 'run', input: {} }, (r) => replies.push(r));
    (workers.at(-1) as FakeWorker).send({ job: second, kind: 'run', result });
    expect(replies).toHaveLength(1);
    expect((replies[0] as SimReply & { kind: 'run' }).result.trace).toEqual([]);
  });
});
