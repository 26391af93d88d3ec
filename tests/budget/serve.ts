/** Starts `astro preview` on the built site and waits until it answers. */
import { spawn, type ChildProcess } from 'node:child_process';

/** A running preview server. */
export interface Preview {
  origin: string;
  stop(): void;
}

/** Serves dist/ on the given port; rejects if the server does not answer within 60 s. */
export async function startPreview(port: number): Promise<Preview> {
  const child: ChildProcess = spawn(
    'node_modules/.bin/astro',
    ['preview', '--port', String(port), '--host', 'localhost'],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: false },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${origin}/`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`astro preview did not start on ${origin}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, stop: () => child.kill() };
}
