/**
 * Command line: `npm run sim -- <scenario.json | --preset NAME> [--trace]` prints one JSON object
 * of metrics (and the trace with --trace). Errors print one line on stderr and exit non-zero.
 */
import { readFileSync } from 'node:fs';
import { presetNames, presets } from './presets';
import type { ScenarioInput } from './scenario';
import { SCENARIO_FIELDS, describeSpec, formatErrors, validateScenario } from './scenario';
import { simulate } from './simulate';

/** Usage text (also lists presets and field ranges). */
export function usage(): string {
  const fields = Object.entries(SCENARIO_FIELDS)
    .map(([k, s]) => `  ${k.padEnd(34)} ${describeSpec(s)}; default ${JSON.stringify(s.default)}`)
    .join('\n');
  return [
    'usage: npm run sim -- <scenario.json> [--trace]',
    '       npm run sim -- --preset NAME [--trace]',
    '       npm run sim -- --help',
    '',
    'Prints one JSON object: pageLoadMs, connectionsOpened, packets {total, dropped}, events,',
    'requests [{path, connectionId, sentMs, firstByteMs, doneMs, retries}] (HTML first).',
    '',
    'presets:',
    ...presetNames.map((n) => `  ${n.padEnd(28)} ${presets[n]?.title ?? ''}`),
    '',
    'scenario fields (all optional):',
    fields,
    '  network.drop                       [{connection, segment, direction?}] targeted loss',
    '  followUps                          [{atMs, path?, method?, bytes?, bodyBytes?, processingMs?}]',
  ].join('\n');
}

class CliError extends Error {}

function parseArgs(argv: readonly string[]): {
  help: boolean;
  trace: boolean;
  preset?: string;
  file?: string;
} {
  let help = false;
  let trace = false;
  let preset: string | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') help = true;
    else if (a === '--trace') trace = true;
    else if (a === '--preset') {
      const v = argv[++i];
      if (v === undefined)
        throw new CliError(`--preset needs a name (one of: ${presetNames.join(', ')})`);
      preset = v;
    } else if (a.startsWith('--preset=')) preset = a.slice('--preset='.length);
    else if (a.startsWith('-')) throw new CliError(`unknown option ${a} (try --help)`);
    else if (file === undefined) file = a;
    else throw new CliError(`unexpected argument ${a}: give one scenario file`);
  }
  const out: { help: boolean; trace: boolean; preset?: string; file?: string } = { help, trace };
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
    const input = loadScenario(args);
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

const code = main(
  process.argv.slice(2),
  (s) => process.stdout.write(`${s}\n`),
  (s) => process.stderr.write(`${s}\n`),
);
process.exitCode = code;
