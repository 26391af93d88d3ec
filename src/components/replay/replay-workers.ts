/**
 * The replay's two workers: one replays the page under HTTP/1.0 and HTTP/1.1, the other under
 * HTTP/2 and HTTP/3, at the same time on a device of two cores or more. Each reads the HAR itself
 * (a few milliseconds) and answers for its protocols; the page gets one reply with the four, in
 * `REPLAY_PROTOCOLS` order, or the first failure. Both start, and warm up, when the reader first
 * shows an intent to replay (`warm`), else with the first file.
 */
import { REPLAY_PROTOCOLS, type ReplayProtocol } from '../../sim/har/replay';
import type { ReplayReply, ReplayRequest, WarmReply, WarmRequest } from './replay-protocol';

/** What each worker replays: the HTTP/1.x pair, and the multiplexed pair. */
export const REPLAY_SHARES: readonly (readonly ReplayProtocol[])[] = [
  ['1.0', '1.1'],
  ['2', '3'],
];

export interface ReplayWorkers {
  /** Starts the workers and their warm-up, once; `done(ms)` when both have warmed up. */
  warm(done: (ms: number) => void): void;
  /** Replays `text`; `reply` gets the merged answer, unless a later `replay` came first. */
  replay(request: Omit<ReplayRequest, 'id' | 'protocols'>, reply: (r: ReplayReply) => void): void;
}

/** The four protocols' answer from the workers' answers (all `ok`), each worker's time the max. */
function merge(parts: readonly Extract<ReplayReply, { ok: true }>[]): ReplayReply {
  const [first] = parts as [Extract<ReplayReply, { ok: true }>];
  const order = (p: ReplayProtocol): number => REPLAY_PROTOCOLS.indexOf(p);
  return {
    ...first,
    results: parts.flatMap((p) => p.results).sort((a, b) => order(a.protocol) - order(b.protocol)),
    scenarios: parts
      .flatMap((p) => p.scenarios)
      .sort((a, b) => order(a.protocol) - order(b.protocol)),
    // The workers run side by side: the answer is ready when the slower one is.
    computeMs: Math.max(...parts.map((p) => p.computeMs)),
  };
}

export function replayWorkers(onError: (message: string) => void): ReplayWorkers {
  let workers: Worker[] | undefined;
  let job = 0;
  let warmed: ((ms: number) => void) | undefined;
  const warmMs: number[] = [];
  /** The current job's answers so far, and where the merged one goes. */
  let answers: { id: number; parts: ReplayReply[]; reply: (r: ReplayReply) => void } | undefined;

  const received = (data: ReplayReply | WarmReply): void => {
    if ('warmed' in data) {
      warmMs.push(data.ms);
      if (warmMs.length === REPLAY_SHARES.length) warmed?.(Math.max(...warmMs));
      return;
    }
    if (!answers || data.id !== answers.id) return;
    answers.parts.push(data);
    const failed = answers.parts.find((p) => !p.ok);
    const done = answers;
    if (failed) {
      answers = undefined;
      done.reply(failed);
    } else if (done.parts.length === REPLAY_SHARES.length) {
      answers = undefined;
      done.reply(merge(done.parts as Extract<ReplayReply, { ok: true }>[]));
    }
  };

  const start = (): Worker[] => {
    workers ??= REPLAY_SHARES.map(() => {
      const w = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<ReplayReply | WarmReply>): void => received(e.data);
      w.onerror = (e): void => onError(e.message);
      return w;
    });
    return workers;
  };

  return {
    warm(done) {
      if (workers) return;
      warmed = done;
      start().forEach((w, i) => {
        const request: WarmRequest = { warm: true, protocols: REPLAY_SHARES[i] ?? [] };
        w.postMessage(request);
      });
    },
    replay(request, reply) {
      const id = ++job;
      answers = { id, parts: [], reply };
      start().forEach((w, i) => {
        const r: ReplayRequest = { ...request, id, protocols: REPLAY_SHARES[i] ?? [] };
        w.postMessage(r);
      });
    },
  };
}
