/** Parameter definitions shared by several widget schemas, with the ranges each widget picks. */
import type { TlsVersion } from '../../sim';
import type { EnumParam, NumberParam } from '../controls/params';
import { uiText } from './labels';

/** A number range: bounds, step and default. */
interface Range {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
}

/** Round-trip time, 10–500 ms in steps of 10, 100 ms by default. */
export function rttParam(): NumberParam<'rtt'> {
  return {
    key: 'rtt',
    type: 'number',
    min: 10,
    max: 500,
    step: 10,
    default: 100,
    unit: uiText((w) => w.ms),
    label: uiText((w) => w.param.rtt),
    description: uiText((w) => w.param.rttHelp),
  };
}

/** Number of images on the page (from 1 unless `min` says otherwise, step 1). */
export function objectsParam(r: {
  min?: number;
  max: number;
  default: number;
}): NumberParam<'objects'> {
  return {
    key: 'objects',
    type: 'number',
    min: r.min ?? 1,
    max: r.max,
    step: 1,
    default: r.default,
    label: uiText((w) => w.param.objects),
  };
}

/** Size of each image in bytes. */
export function objectBytesParam(r: Range): NumberParam<'objectBytes'> {
  return {
    key: 'objectBytes',
    type: 'number',
    ...r,
    unit: uiText((w) => w.bytes),
    label: uiText((w) => w.param.objectBytes),
  };
}

/** Bandwidth in Mbit/s, from 1 in steps of 1. */
export function bandwidthParam(r: { max: number; default: number }): NumberParam<'bandwidth'> {
  return {
    key: 'bandwidth',
    type: 'number',
    min: 1,
    max: r.max,
    step: 1,
    default: r.default,
    unit: uiText((w) => w.mbps),
    label: uiText((w) => w.param.bandwidth),
  };
}

/** TLS mode: none, TLS 1.2 or TLS 1.3, each full or resumed (a returning client). */
export function tlsParam(defaultMode: TlsVersion): EnumParam<'tls', TlsVersion> {
  return {
    key: 'tls',
    type: 'enum',
    options: ['none', 'tls1.2', 'tls1.2-resumed', 'tls1.3', 'tls1.3-resumed'],
    optionLabels: {
      none: uiText((w) => w.tlsOption.none),
      'tls1.2': uiText((w) => w.tlsOption['tls1.2']),
      'tls1.2-resumed': uiText((w) => w.tlsOption['tls1.2-resumed']),
      'tls1.3': uiText((w) => w.tlsOption['tls1.3']),
      'tls1.3-resumed': uiText((w) => w.tlsOption['tls1.3-resumed']),
    },
    default: defaultMode,
    label: uiText((w) => w.param.tls),
  };
}

/** The browser's connection limit per host, 1–8, under the "per host" label. */
export function perHostParam<K extends string>(key: K, defaultValue: number): NumberParam<K> {
  return {
    key,
    type: 'number',
    min: 1,
    max: 8,
    step: 1,
    default: defaultValue,
    label: uiText((w) => w.param.perHost),
    description: uiText((w) => w.param.perHostHelp),
  };
}

/** The server's keep-alive timeout in ms, from 1,000 ms, 5,000 ms by default. */
export function serverTimeoutParam(r: { max: number; step: number }): NumberParam<'serverTimeout'> {
  return {
    key: 'serverTimeout',
    type: 'number',
    min: 1000,
    max: r.max,
    step: r.step,
    default: 5000,
    unit: uiText((w) => w.ms),
    label: uiText((w) => w.param.serverTimeout),
    description: uiText((w) => w.param.serverTimeoutHelp),
  };
}

/** The browser's idle timeout in ms, 1,000–300,000 in steps of 1,000. */
export function clientIdleParam<K extends string>(key: K, defaultMs: number): NumberParam<K> {
  return {
    key,
    type: 'number',
    min: 1000,
    max: 300000,
    step: 1000,
    default: defaultMs,
    unit: uiText((w) => w.ms),
    label: uiText((w) => w.param.clientIdle),
    description: uiText((w) => w.param.clientIdleHelp),
  };
}
