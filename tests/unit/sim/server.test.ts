import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/sim/engine';
import { Server } from '../../../src/sim/server';
import { TraceRecorder } from '../../../src/sim/trace';

function server() {
  const engine = new Engine();
  const s = new Server(
    engine,
    new TraceRecorder(),
    {
      version: '1.1',
      keepAlive: true,
      pipelining: false,
      requestHeaderBytes: 400,
      responseHeaderBytes: 250,
    },
    'none',
    {
      keepAliveTimeoutMs: 5000,
      maxRequestsPerConnection: 100,
      pipelineProcessing: 'serial',
    },
  );
  return { engine, s };
}

describe('Server', () => {
  it('process runs done after the resource processing time', () => {
    const { engine, s } = server();
    const at: number[] = [];
    s.process({ bodyBytes: 10, processingMs: 40 }, () => at.push(engine.now));
    engine.run();
    expect(at).toEqual([40000]);
  });

  it('process with zero processing time answers synchronously', () => {
    const { s } = server();
    let done = false;
    s.process({ bodyBytes: 10, processingMs: 0 }, () => (done = true));
    expect(done).toBe(true);
  });

  it('bodyBytes is the resource body size', () => {
    const { s } = server();
    expect(s.bodyBytes({ bodyBytes: 1234, processingMs: 0 })).toBe(1234);
  });

  it('exposes the keep-alive timeout in microseconds', () => {
    expect(server().s.keepAliveTimeoutUs).toBe(5_000_000);
  });
});
