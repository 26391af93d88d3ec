/** Parameters of the Page-load widget and the scenario they describe. */
import type { ScenarioInput } from '../../sim';
import { defineSchema, type ParamValues } from '../controls/params';
import {
  bandwidthParam,
  objectBytesParam,
  objectsParam,
  perHostParam,
  rttParam,
  serverTimeoutParam,
  tlsParam,
} from './common-params';
import { uiText } from './labels';

/** Size of the HTML document of the Page-load widget (bytes). */
export const PAGE_LOAD_HTML_BYTES = 2000;

/** Page load: protocol, path, page, pool and an optional follow-up click. */
export const pageLoadSchema = defineSchema([
  {
    key: 'version',
    type: 'enum',
    options: ['0.9', '1.0', '1.1'],
    optionLabels: {
      '0.9': uiText((w) => w.httpVersionOption['0.9']),
      '1.0': uiText((w) => w.httpVersionOption['1.0']),
      '1.1': uiText((w) => w.httpVersionOption['1.1']),
    },
    default: '1.1',
    label: uiText((w) => w.param.httpVersion),
  },
  {
    key: 'keepAlive',
    type: 'boolean',
    default: true,
    label: uiText((w) => w.param.keepAlive),
    description: uiText((w) => w.param.keepAliveHelp),
  },
  tlsParam('none'),
  rttParam(),
  bandwidthParam({ max: 1000, default: 100 }),
  objectsParam({ min: 0, max: 30, default: 5 }),
  objectBytesParam({ min: 500, max: 200000, step: 500, default: 3000 }),
  perHostParam('connections', 6),
  {
    key: 'slowStartAfterIdle',
    type: 'boolean',
    default: true,
    label: uiText((w) => w.param.slowStartAfterIdle),
    description: uiText((w) => w.param.slowStartAfterIdleHelp),
  },
  serverTimeoutParam({ max: 120000, step: 1000 }),
  {
    key: 'followUpAt',
    type: 'number',
    min: 0,
    max: 20000,
    step: 50,
    default: 0,
    unit: uiText((w) => w.ms),
    label: uiText((w) => w.param.followUpAt),
    description: uiText((w) => w.param.followUpAtHelp),
  },
  {
    key: 'followUpBytes',
    type: 'number',
    min: 500,
    max: 300000,
    step: 500,
    default: 3000,
    unit: uiText((w) => w.bytes),
    label: uiText((w) => w.param.followUpBytes),
  },
]);

/** Values of the Page-load parameters. */
export type PageLoadValues = ParamValues<typeof pageLoadSchema>;

/**
 * One page load: the HTML (2,000 bytes), then `objects` images, and, when `followUpAt` > 0, one
 * GET at that time after navigation (a click). Keep-alive is off for HTTP/0.9 whatever the
 * switch says; for HTTP/1.0 it means `Connection: Keep-Alive`, for HTTP/1.1 off means
 * `Connection: close`.
 */
export function pageLoadScenario(v: PageLoadValues): ScenarioInput {
  return {
    seed: 1,
    network: { rttMs: v.rtt, bandwidthMbps: v.bandwidth },
    tcp: { slowStartAfterIdle: v.slowStartAfterIdle },
    tls: v.tls,
    http: { version: v.version, keepAlive: v.version === '0.9' ? false : v.keepAlive },
    client: { maxConnectionsPerHost: v.connections },
    server: { keepAliveTimeoutMs: v.serverTimeout },
    page: { htmlBytes: PAGE_LOAD_HTML_BYTES, objects: v.objects, objectBytes: v.objectBytes },
    followUps: v.followUpAt > 0 ? [{ atMs: v.followUpAt, bytes: v.followUpBytes }] : [],
  };
}
