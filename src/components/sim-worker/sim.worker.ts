/**
 * The one simulation worker of the site: every widget's runs, exercises' answers and the
 * workload plans of the Image host and the Playground run here, off the page's main thread, so
 * input never waits for a simulation. Jobs run one at a time in the order posted; a page-side
 * client that no longer wants a running job terminates the worker and starts another
 * (`client.ts`), so a job here always runs to its end.
 */
import { simulate } from '../../sim/simulate';
import { runHost, runSweepRow } from '../widgets/image-host-runs';
import { TRACE_PART_EVENTS, type SimJob, type SimReply } from './protocol';

const post = (reply: SimReply): void => postMessage(reply);

addEventListener('message', (event: MessageEvent<SimJob>) => {
  const job = event.data;
  try {
    if (job.kind === 'run') {
      const result = simulate(job.input);
      const { trace } = result;
      for (let i = 0; i < trace.length; i += TRACE_PART_EVENTS)
        post({ job: job.job, kind: 'events', events: trace.slice(i, i + TRACE_PART_EVENTS) });
      post({ job: job.job, kind: 'run', result: { ...result, trace: [] } });
      return;
    }
    post({ job: job.job, kind: 'main', run: runHost(simulate, job.main) });
    job.sweep.forEach((series, s) => {
      series.runs.forEach((run, i) => {
        const row = runSweepRow(simulate, run.scenario, run.keepAliveTimeoutMs);
        post({ job: job.job, kind: 'row', series: s, index: i, row });
      });
    });
  } catch (error) {
    post({ job: job.job, kind: 'error', message: String(error) });
  }
});
