import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 `.cpuprofile` (node --cpu-prof) by self time per package: a frame in
 * node_modules counts for its package, one in dist/ for the app, and V8's own entries
 * (garbage collector, idle, program) for themselves, from the first request on. Usage: tsx bench/profile-summary.ts <file> [top]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function bucketOf({ functionName, url }: ProfileNode['callFrame']): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  if (url.includes('/dist/')) return `app ${/\/dist\/((?:apps|libs)\/[^/]+)/.exec(url)?.[1] ?? ''}`;
  if (url.startsWith('node:')) return 'node internals';
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  return url;
}

function summarise(file: string, top: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const bucketById = new Map(profile.nodes.map((node) => [node.id, bucketOf(node.callFrame)]));
  // Startup (module loading, compiling) is not the steady state: samples count from the first
  // one inside Apollo, i.e. the first request.
  let elapsed = 0;
  const times = profile.timeDeltas.map((delta) => (elapsed += delta));
  const firstRequest = profile.samples.findIndex((id) => bucketById.get(id) === '@apollo/server');
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    if (times[index] < times[Math.max(firstRequest, 0)]) return;
    const bucket = bucketById.get(id) ?? '?';
    totals.set(bucket, (totals.get(bucket) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const idle = totals.get('(idle)') ?? 0;
  const busy = [...totals.values()].reduce((sum, value) => sum + value, 0) - idle;
  const lines = [
    `busy ${(busy / 1e6).toFixed(1)} s (idle ${(idle / 1e6).toFixed(1)} s excluded)`,
    '| self time | share of busy | package |',
    '|---|---|---|',
  ];
  [...totals.entries()]
    .filter(([bucket]) => bucket !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([bucket, micros]) =>
      lines.push(
        `| ${(micros / 1e6).toFixed(2)} s | ${((100 * micros) / busy).toFixed(1)}% | ${bucket} |`,
      ),
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

summarise(process.argv[2], Number(process.argv[3] ?? 15));
