/**
 * Command line: `npm run sim -- <scenario.json | --preset NAME> [--trace]` prints one JSON object
 * of metrics (and the trace with --trace). Errors print one line on stderr and exit non-zero.
 */
import { readFileSync } from 'node:fs';
import { importHar } from './har';
import { replayAll, replayPlan, type ReplayNetwork } from './har/replay';
import type { StallSummary } from './metrics';
import { presetNames, presets } from './presets';
import type { ScenarioInput } from './scenario';
import {
  COMPOSITE_DOCS,
  SCENARIO_DOCS,
  SCENARIO_FIELDS,
  accepts,
  describeSpec,
  formatErrors,
  validateScenario,
} from './scenario';
import { ScenarioError, simulate } from './simulate';
import { sweepKeepAlive } from './sweep';
import type { WorkloadMetrics } from './workload-metrics';

/** Usage text (also lists presets, and field ranges with what each field means). */
export function usage(): string {
  const fields = Object.entries(SCENARIO_FIELDS)
    .map(
      ([k, s]) =>
        `  ${k.padEnd(34)} ${describeSpec(s)}; default ${JSON.stringify(s.default)}\n` +
        `  ${''.padEnd(34)} ${SCENARIO_DOCS[k as keyof typeof SCENARIO_DOCS]}`,
    )
    .join('\n');
  return [
    'usage: npm run sim -- <scenario.json> [--trace]',
    '       npm run sim -- --preset NAME [--trace]',
    '       npm run sim -- <scenario.json> --sweep-keepalive 0,5000,15000',
    '       npm run sim -- --har FILE [--rtt MS] [--bandwidth MBPS] [--loss P] [--dns MS]',
    '       npm run sim -- --help',
    '',
    'Prints one JSON object: pageLoadMs, connectionsOpened, packets {total, dropped}, events,',
    'requests [{path, connectionId, sentMs, firstByteMs, doneMs, retries}] (HTML first);',
    'HTTP/2 and HTTP/3 add streamStallMs: time streams had bytes that arrived but could not be',
    'delivered, per stream the union of its waiting intervals within its lifetime (request sent',
    "to done), so never longer than it; total = the sum over streams, longest = one stream's.",
    '{total, longest, count} for both kinds, then headOfLine {total, longest, count} (bytes waited',
    'behind a hole of other data: TCP, HTTP/2) and ownData {total, longest, count} (the stream',
    'waited for its own lost data: every QUIC stream stall), and streams [{conn, side, stream,',
    'requestId, ms, headOfLineMs, ownDataMs}] (ms = headOfLineMs + ownDataMs). With',
    'network.dnsMs, dns {lookups, totalMs}: the DNS lookups requests waited for.',
    '',
    '--har replays a page recorded as a HAR file (DevTools, Playwright) under HTTP/1.0 (no',
    'keep-alive), HTTP/1.1 (keep-alive, 6 connections per host), HTTP/2 and HTTP/3, each over',
    'TLS 1.3, on one network: the round trip the HAR measured unless --rtt is given, --bandwidth',
    '(default 100), --loss (a probability, default 0) and --dns (one DNS lookup per new hostname,',
    "default the median of the HAR's first lookups per host, 0 when it recorded none). Prints",
    '{page: {origins, objects, bytes, measuredLoadMs, rttMs, rttFrom, dnsMs, dnsFrom, guessed,',
    'ignored, notReplayed}, results: [{protocol, pageLoadMs, pageComplete, connectionsOpened,',
    'handshakeRoundTrips, packets, wireBytes}]}. Requests made after the page had gone quiet',
    'are not replayed (they are not part of its load).',
    '',
    'presets:',
    ...presetNames.map((n) => `  ${n.padEnd(28)} ${presets[n]?.title ?? ''}`),
    '',
    'scenario fields (all optional):',
    fields,
    ...(['network.drop', 'page.objects', 'page.origins', 'followUps'] as const).map(
      (k) => `  ${k.padEnd(34)} ${COMPOSITE_DOCS[k].doc}`,
    ),
  ].join('\n');
}

/** The stall metrics as printed: totals per kind and each stream's figures (no intervals). */
function stallOutput(s: StallSummary): object {
  return {
    total: s.total,
    longest: s.longest,
    count: s.count,
    headOfLine: s.headOfLine,
    ownData: s.ownData,
    streams: s.streams.map((x) => ({
      conn: x.conn,
      side: x.side,
      stream: x.stream,
      requestId: x.requestId,
      ms: x.ms,
      headOfLineMs: x.headOfLineMs,
      ownDataMs: x.ownDataMs,
    })),
  };
}

class CliError extends Error {}

/** Parses `--sweep-keepalive 0,5000,15000` (ms; 0 = keep-alive off). */
function parseSweep(v: string | undefined): number[] {
  const list = v === undefined ? [] : v.split(',').map((x) => Number(x.trim()));
  if (
    list.length === 0 ||
    list.length > 20 ||
    list.some((x) => !Number.isFinite(x) || x < 0 || x > 3600000)
  )
    throw new CliError(
      '--sweep-keepalive needs 1 to 20 comma-separated timeouts in ms, each between 0 (keep-alive off) and 3600000',
    );
  return list;
}

/** The workload part of the CLI output. */
function workloadOutput(model: string, w: WorkloadMetrics): Record<string, unknown> {
  return {
    clients: w.clients,
    requestsCompleted: w.requestsCompleted,
    requestsFailed: w.requestsFailed,
    server: {
      model,
      meanWorkersBusy: w.meanWorkersBusy,
      meanWorkersIdle: w.meanWorkersIdle,
      peakWorkers: w.peakWorkers,
      refused: w.refused,
    },
    latencyMs: { p50: w.latencyMs.p50, p95: w.latencyMs.p95, p99: w.latencyMs.p99 },
    throughputPerSec: w.throughputPerSec,
    timeWaitPeak: w.timeWaitPeak,
    workload: w,
  };
}

/** The command line's options. */
interface Args {
  help: boolean;
  trace: boolean;
  preset?: string;
  file?: string;
  sweep?: number[];
  har?: string;
  net: { -readonly [K in keyof ReplayNetwork]: ReplayNetwork[K] };
}

/** The replay's network options and the scenario field each sets (and is checked against). */
const NET_OPTIONS = {
  '--rtt': ['rttMs', 'network.rttMs'],
  '--bandwidth': ['bandwidthMbps', 'network.bandwidthMbps'],
  '--loss': ['lossRate', 'network.lossRate'],
  '--dns': ['dnsMs', 'network.dnsMs'],
} as const;

function parseArgs(argv: readonly string[]): Args {
  const net: Args['net'] = {};
  let har: string | undefined;
  let help = false;
  let trace = false;
  let sweep: number[] | undefined;
  let preset: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') help = true;
    else if (a === '--trace') trace = true;
    else if (a === '--sweep-keepalive' || a.startsWith('--sweep-keepalive=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      sweep = parseSweep(v);
    } else if (a === '--preset') {
      const v = argv[++i];
      if (v === undefined)
        throw new CliError(`--preset needs a name (one of: ${presetNames.join(', ')})`);
      preset = v;
    } else if (a.startsWith('--preset=')) preset = a.slice('--preset='.length);
    else if (a === '--har') {
      har = argv[++i];
      if (har === undefined) throw new CliError('--har needs a HAR file');
    } else if (a in NET_OPTIONS) {
      const [key, field] = NET_OPTIONS[a as keyof typeof NET_OPTIONS];
      const raw = argv[++i];
      const v = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
      if (!accepts(SCENARIO_FIELDS[field], v))
        throw new CliError(
          `${a} must be ${describeSpec(SCENARIO_FIELDS[field])} (got ${raw ?? 'nothing'})`,
        );
      net[key] = v;
    } else if (a.startsWith('-')) throw new CliError(`unknown option ${a} (try --help)`);
    else if (file === undefined) file = a;
    else throw new CliError(`unexpected argument ${a}: give one scenario file`);
  }
  if (Object.keys(net).length > 0 && har === undefined)
    throw new CliError('--rtt, --bandwidth, --loss and --dns go with --har');
  const out: Args = { help, trace, net };
  if (har !== undefined) out.har = har;
  if (sweep !== undefined) out.sweep = sweep;
  if (preset !== undefined) out.preset = preset;
  if (file !== undefined) out.file = file;
  return out;
}

function loadScenario(args: { preset?: string; file?: string }): ScenarioInput {
  if (args.preset !== undefined && args.file !== undefined)
    throw new CliError('give either a scenario file or --preset, not both');
  if (args.preset !== undefined) {
    const p = presets[args.preset];
    if (p === undefined)
      throw new CliError(`unknown preset "${args.preset}" (one of: ${presetNames.join(', ')})`);
    return p.scenario;
  }
  if (args.file === undefined)
    throw new CliError('missing scenario file or --preset NAME (try --help)');
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'unreadable';
    throw new CliError(`cannot read scenario file ${args.file} (${code})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CliError(
      `invalid JSON in ${args.file}: ${(e as Error).message.split('\n')[0] ?? ''}`,
    );
  }
  const v = validateScenario(parsed);
  if (!v.ok) throw new CliError(`invalid scenario ${args.file}: ${formatErrors(v.errors)}`);
  return parsed as ScenarioInput;
}

/** `--har FILE`: the page the file recorded, replayed under each protocol (see `usage`). */
function replayHarFile(file: string, net: ReplayNetwork): object {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'unreadable';
    throw new CliError(`cannot read HAR file ${file} (${code})`);
  }
  const imported = importHar(text);
  if (!imported.ok) throw new CliError(`cannot replay ${file}: ${imported.error}`);
  const { page, report } = imported;
  const plan = replayPlan(page, report, net);
  let results;
  try {
    results = replayAll(plan);
  } catch (e) {
    if (e instanceof ScenarioError)
      throw new CliError(`cannot replay ${file}: ${formatErrors(e.errors)}`);
    throw e;
  }
  return {
    page: {
      url: page.documentUrl,
      origins: plan.hosts.length,
      objects: plan.objects,
      bytes: plan.bytes,
      measuredLoadMs: page.measuredLoadMs,
      rttMs: plan.network.rttMs,
      rttFrom: net.rttMs === undefined ? report.rttSource : 'option',
      dnsMs: plan.network.dnsMs,
      dnsFrom: net.dnsMs === undefined ? report.dnsSource : 'option',
      bandwidthMbps: plan.network.bandwidthMbps,
      lossRate: plan.network.lossRate,
      entries: report.entries,
      guessed: report.guessed,
      ignored: Object.fromEntries(Object.entries(report.ignored).filter(([, n]) => n > 0)),
      lateReplayed: plan.late,
      notReplayed: plan.left,
    },
    results,
  };
}

/** Runs the CLI; returns the process exit code. */
export function main(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      out(usage());
      return 0;
    }
    if (args.har !== undefined) {
      if (args.file !== undefined || args.preset !== undefined || args.sweep !== undefined)
        throw new CliError('--har replays a HAR file: give no scenario, preset or sweep with it');
      out(JSON.stringify(replayHarFile(args.har, args.net), null, 2));
      return 0;
    }
    const input = loadScenario(args);
    if (args.sweep !== undefined) {
      if (input.workload === undefined)
        throw new CliError('--sweep-keepalive needs a scenario with a workload');
      const model = input.server?.model ?? 'unlimited';
      const rows = sweepKeepAlive(input, args.sweep).map((r) => ({
        keepAliveTimeoutMs: r.keepAliveTimeoutMs,
        ...workloadOutput(model, r),
      }));
      out(JSON.stringify(rows, null, 2));
      return 0;
    }
    if (input.workload !== undefined) {
      const r = simulate(input, args.trace ? {} : { trace: 'summary' });
      out(
        JSON.stringify(
          {
            ...workloadOutput(r.scenario.server.model, r.workload as WorkloadMetrics),
            events: r.metrics.events,
            endMs: r.metrics.endMs,
            ...(args.trace ? { trace: r.trace } : {}),
          },
          null,
          args.trace ? undefined : 2,
        ),
      );
      return 0;
    }
    const { metrics, trace } = simulate(input);
    const result = {
      pageLoadMs: metrics.pageLoadMs,
      pageComplete: metrics.pageComplete,
      connectionsOpened: metrics.connectionsOpened,
      packets: metrics.packets,
      events: metrics.events,
      handshakeRoundTrips: metrics.handshakeRoundTrips,
      criticalPathHandshakeRoundTrips: metrics.criticalPathHandshakeRoundTrips,
      wireBytes: metrics.wireBytes,
      endMs: metrics.endMs,
      ...(metrics.dns === undefined ? {} : { dns: metrics.dns }),
      ...(metrics.streamStallMs === undefined
        ? {}
        : { streamStallMs: stallOutput(metrics.streamStallMs) }),
      requests: metrics.requests.map((r) => ({
        path: r.path,
        host: r.host,
        method: r.method,
        followUp: r.followUp,
        connectionId: r.connectionId,
        reused: r.reused,
        queuedMs: r.queuedMs,
        sentMs: r.sentMs,
        firstByteMs: r.firstByteMs,
        doneMs: r.doneMs,
        retries: r.retries,
        error: r.error,
      })),
      ...(args.trace ? { trace } : {}),
    };
    out(JSON.stringify(result, null, args.trace ? undefined : 2));
    return 0;
  } catch (e) {
    if (e instanceof CliError) err(`error: ${e.message}`);
    else
      err(`error: internal failure: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return e instanceof CliError ? 2 : 70;
  }
}

// A reader that closes early (`npm run sim -- --preset x | head`) is not an error: stop quietly,
// as other command-line tools do, instead of printing Node's unhandled EPIPE stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const code = main(
  process.argv.slice(2),
  (s) => process.stdout.write(`${s}\n`),
  (s) => process.stderr.write(`${s}\n`),
);
process.exitCode = code;
