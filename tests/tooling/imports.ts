/**
 * Import graph check, run by `npm run check`: every module under `src` (`.ts`, `.svelte`,
 * `.astro`, `.mdx`) and its relative imports — static, dynamic, `export … from` and type-only
 * alike — must form no cycle, and three layering rules hold:
 * - `src/sim` imports nothing outside `src/sim`;
 * - views (`src/components/views`) import from the simulation only types and the pure trace
 *   queries listed in `VIEW_SIM_RUNTIME`;
 * - the link (`src/sim/link.ts`) imports no transport (`tcp`, `quic`);
 * and no source file is longer than 700 lines.
 * `KNOWN` lists the violations that existed when the check was written, each to be removed by
 * the re-layering of `src/sim` (issue 13); the check also fails when one of them is gone, so
 * the list only shrinks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** Simulation modules views may import at run time: pure functions of a trace or of numbers. */
const VIEW_SIM_RUNTIME = [
  'src/sim/metrics.ts',
  'src/sim/stalls.ts',
  'src/sim/percentile.ts',
  'src/sim/drop-rule.ts',
];

/** Violations present when the check was written (see the header). */
const KNOWN = new Set<string>([]);

const EXTENSIONS = ['.ts', '.svelte', '.astro', '.mdx', '.svelte.ts', '.js'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|svelte|astro|mdx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...(base.endsWith('.js') ? [base.slice(0, -3) + '.ts'] : []),
    join(base, 'index.ts'),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

interface Edge {
  readonly to: string;
  readonly typeOnly: boolean;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const out: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[2] ?? m[3];
    if (spec === undefined) continue;
    const to = resolveImport(file, spec);
    if (to !== undefined && to.startsWith(src)) out.push({ to, typeOnly: m[1] !== undefined });
  }
  return out;
}

const rel = (p: string): string => relative(root, p).split('\\').join('/');
const modules = files(src);
const graph = new Map(modules.map((f) => [f, edgesOf(f)]));

/** Strongly connected components with more than one module (Tarjan). */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!idx.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v) as number, low.get(to) as number));
      } else if (on.has(to)) low.set(v, Math.min(low.get(v) as number, idx.get(to) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.map(rel).sort());
    }
  };
  for (const m of modules) if (!idx.has(m)) visit(m);
  return out;
}

const problems: string[] = [];
for (const scc of cycles()) problems.push(`cycle: ${scc.join(' -> ')}`);
for (const [file, edges] of graph) {
  const from = rel(file);
  for (const { to, typeOnly } of edges) {
    const target = rel(to);
    if (from.startsWith('src/sim/') && !target.startsWith('src/sim/'))
      problems.push(`layer: ${from} (simulation) imports ${target}`);
    if (
      from.startsWith('src/components/views/') &&
      target.startsWith('src/sim/') &&
      !typeOnly &&
      !VIEW_SIM_RUNTIME.includes(target)
    )
      problems.push(`layer: view ${from} imports simulation code ${target}`);
    if (from === 'src/sim/link.ts' && /^src\/sim\/(tcp|quic)(\/|\.ts)/.test(target))
      problems.push(`layer: src/sim/link.ts imports a transport: ${target}`);
  }
}

/** One concept per file: no source file over this many lines (issue 13). */
const MAX_LINES = 700;
for (const file of modules) {
  const lines = readFileSync(file, 'utf8').split('\n').length;
  if (lines > MAX_LINES)
    problems.push(`size: ${rel(file)} has ${lines} lines (at most ${MAX_LINES})`);
}

const unique = [...new Set(problems)];
const fresh = unique.filter((p) => !KNOWN.has(p));
const fixed = [...KNOWN].filter((p) => !unique.includes(p));
for (const p of fresh) console.error(`imports: ${p}`);
for (const p of fixed)
  console.error(`imports: fixed, remove it from KNOWN in tests/tooling/imports.ts: ${p}`);
console.log(
  `imports: ${modules.length} modules, ${[...graph.values()].reduce((s, e) => s + e.length, 0)} imports, ${unique.length} known violation(s) left, ${fresh.length} new`,
);
if (fresh.length > 0 || fixed.length > 0) process.exitCode = 1;
