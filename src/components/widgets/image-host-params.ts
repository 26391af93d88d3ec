/**
 * Parameters of the Image-host widget and the workloads they describe: clients arriving at a
 * server at random (a Poisson process), each fetching a few objects and going away, with the
 * server's keep-alive timeout, worker model and limits. The sweep runs the same server and
 * arrivals at several timeouts, once with one object per client (the image host) and once with
 * a page's worth of objects.
 */
import type { ScenarioInput } from '../../sim';
import { withKeepAliveTimeout } from '../../sim/transforms';
import { defineSchema, type ParamValues } from '../controls/params';
import { rttParam } from './common-params';
import { SWEEP_TIMEOUTS_MS, type HostJobPlan, type SweepSeries } from './image-host-runs';
import { uiText } from './labels';

export { SWEEP_TIMEOUTS_MS } from './image-host-runs';

/** Size of each object (bytes): a typical photo thumbnail or small image. */
export const IMAGE_BYTES = 20_000;
/**
 * Bandwidth of the server's link (Mbit/s), shared by every client: 1 Gbit/s carries about
 * 10⁹ / (8 × 20,000) ≈ 6,000 objects per second, so at the widget's rates the workers run out
 * long before the link does (at 400 clients/s × 30 objects it is the link that saturates).
 */
export const SERVER_LINK_MBPS = 1000;
/** Objects per client in the sweep's "a page" series. */
export const PAGE_OBJECTS = 30;

/** Image host: arrivals, keep-alive timeout, objects per client, server model and limits. */
export const imageHostSchema = defineSchema([
  {
    key: 'rate',
    type: 'number',
    min: 1,
    max: 400,
    step: 1,
    default: 60,
    unit: uiText((w) => w.imageHost.perSecond),
    label: uiText((w) => w.param.rate),
    description: uiText((w) => w.param.rateHelp),
  },
  {
    key: 'timeout',
    type: 'number',
    min: 0,
    max: 120,
    step: 0.5,
    default: 5,
    unit: uiText((w) => w.imageHost.seconds),
    label: uiText((w) => w.param.keepAliveTimeout),
    description: uiText((w) => w.param.keepAliveTimeoutHelp),
  },
  {
    key: 'objects',
    type: 'number',
    min: 1,
    max: 60,
    step: 1,
    default: 1,
    label: uiText((w) => w.param.objectsPerClient),
    description: uiText((w) => w.param.objectsPerClientHelp),
  },
  {
    key: 'model',
    type: 'enum',
    options: ['threaded', 'event'],
    optionLabels: {
      threaded: uiText((w) => w.modelOption.threaded),
      event: uiText((w) => w.modelOption.event),
    },
    default: 'threaded',
    label: uiText((w) => w.param.model),
    description: uiText((w) => w.param.modelHelp),
  },
  {
    key: 'workers',
    type: 'number',
    min: 1,
    max: 2000,
    step: 1,
    default: 256,
    label: uiText((w) => w.param.workers),
    description: uiText((w) => w.param.workersHelp),
  },
  {
    key: 'connections',
    type: 'number',
    min: 16,
    max: 20000,
    step: 16,
    default: 4096,
    label: uiText((w) => w.param.connectionCap),
    description: uiText((w) => w.param.connectionCapHelp),
  },
  {
    key: 'backlog',
    type: 'number',
    min: 0,
    max: 4096,
    step: 1,
    default: 511,
    label: uiText((w) => w.param.backlog),
    description: uiText((w) => w.param.backlogHelp),
  },
  rttParam(),
  {
    key: 'duration',
    type: 'number',
    min: 5,
    max: 60,
    step: 1,
    default: 20,
    unit: uiText((w) => w.imageHost.seconds),
    label: uiText((w) => w.param.duration),
    description: uiText((w) => w.param.durationHelp),
  },
]);

/** Values of the Image-host parameters. */
export type ImageHostValues = ParamValues<typeof imageHostSchema>;

/** The workload of `v` with `objects` per client and a keep-alive timeout in ms. */
export function workloadScenario(
  v: ImageHostValues,
  objects: number,
  timeoutMs: number,
): ScenarioInput {
  return withKeepAliveTimeout(base(v, objects), timeoutMs);
}

/** The workload of `v` with `objects` per client, before the keep-alive timeout is set. */
function base(v: ImageHostValues, objects: number): ScenarioInput {
  return {
    seed: 1,
    network: { rttMs: v.rtt, bandwidthMbps: SERVER_LINK_MBPS },
    http: { version: '1.1', keepAlive: true },
    server: {
      model: v.model,
      workers: v.workers,
      maxConnections: v.connections,
      backlog: v.backlog,
    },
    workload: {
      kind: 'arrivals',
      clientsPerSecond: v.rate,
      durationMs: v.duration * 1000,
      objectsPerClient: objects,
      objectBytes: IMAGE_BYTES,
    },
  };
}

/** The main run: the reader's settings. */
export function imageHostScenario(v: ImageHostValues): ScenarioInput {
  return workloadScenario(v, v.objects, Math.round(v.timeout * 1000));
}

/**
 * The sweep: every timeout in `SWEEP_TIMEOUTS_MS`, for K = 1 and K = `PAGE_OBJECTS` objects per
 * visitor at the same request rate (the page series has 1/K as many visitors), so the two
 * series carry the same load and differ only in how many requests share a connection.
 */
export function sweepSeries(v: ImageHostValues): readonly SweepSeries[] {
  const series = (key: SweepSeries['key'], objects: number): SweepSeries => ({
    key,
    objects,
    runs: SWEEP_TIMEOUTS_MS.map((t) => ({
      keepAliveTimeoutMs: t,
      scenario: workloadScenario({ ...v, rate: v.rate / objects }, objects, t),
    })),
  });
  return [series('image', 1), series('page', PAGE_OBJECTS)];
}

/** The Image host's plan: the reader's workload, and the sweep at one object and at a page. */
export function imageHostPlan(values: ImageHostValues): HostJobPlan {
  return { main: imageHostScenario(values), sweep: sweepSeries(values) };
}
