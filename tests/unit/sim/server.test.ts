import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/sim/engine';
import { Server } from '../../../src/sim/server';
import { TraceRecorder } from '../../../src/sim/trace';

function server(processingMs = 25) {
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
      processingMs,
      keepAliveTimeoutMs: 5000,
      maxRequestsPerConnection: 100,
      pipelineProcessing: 'serial',
      defaultBodyBytes: 777,
    },
  );
  return { engine, s };
}

describe('Server', () => {
  it('process runs done after the resource processing time', () => {
    const { engine, s } = server();
    s.addResource('html', { bodyBytes: 10, processingMs: 40 });
    const at: number[] = [];
    s.process('html', () => at.push(engine.now));
    engine.run();
    expect(at).toEqual([40000]);
  });

  it('process uses server.processingMs for an unknown resource', () => {
    const { engine, s } = server(25);
    const at: number[] = [];
    s.process('nope', () => at.push(engine.now));
    engine.run();
    expect(at).toEqual([25000]);
  });

  it('process with zero processing time answers synchronously', () => {
    const { s } = server(0);
    let done = false;
    s.process('x', () => (done = true));
    expect(done).toBe(true);
  });

  it('bodyBytes looks up the resource, else the default', () => {
    const { s } = server();
    s.addResource('object:0', { bodyBytes: 1234, processingMs: 0 });
    expect(s.bodyBytes('object:0')).toBe(1234);
    expect(s.bodyBytes('object:9')).toBe(777);
  });

  it('exposes the keep-alive timeout in microseconds', () => {
    expect(server().s.keepAliveTimeoutUs).toBe(5_000_000);
  });
});
