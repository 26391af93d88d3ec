/**
 * The Image-host widget's Web Worker (the Playground's too: it runs any workload job): runs a
 * job's main workload, then its sweep one run at a time, posting each result as it is ready so
 * the page shows progress and never blocks. A newer job replaces an older one by terminating the
 * worker (`image-host-jobs.svelte.ts`), so a job here always runs to its end.
 */
import { simulate } from '../../sim/simulate';
import type { ImageHostJob, ImageHostReply } from './image-host-jobs.svelte';
import { runHost, runSweepRow } from './image-host-runs';

const post = (reply: ImageHostReply): void => postMessage(reply);

addEventListener('message', (event: MessageEvent<ImageHostJob>) => {
  const job = event.data;
  try {
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
