import { readFileSync } from 'node:fs';

/**
 * Compares two V8 `.heapsnapshot` files (e.g. the soak's BENCH_HEAP_SNAPSHOTS early and late)
 * by constructor: count and self size of each, sorted by growth. A leak shows as a constructor
 * whose count keeps rising with the load. Usage: tsx bench/heap-summary.ts <early> <late> [top]
 */
interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}
interface Tally {
  count: number;
  bytes: number;
}

/** Objects by constructor name; other node types (strings, code, arrays…) by their type. */
function tally(file: string): Map<string, Tally> {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [type, name, size] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const byName = new Map<string, Tally>();
  for (let node = 0; node < heap.nodes.length; node += fields.length) {
    const kind = types[heap.nodes[node + type]];
    const key = kind === 'object' ? heap.strings[heap.nodes[node + name]] : `(${kind})`;
    const entry = byName.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += heap.nodes[node + size];
    byName.set(key, entry);
  }
  return byName;
}

function compare(earlyFile: string, lateFile: string, top: number): void {
  const [early, late] = [tally(earlyFile), tally(lateFile)];
  const total = (of: Map<string, Tally>) => [...of.values()].reduce((sum, t) => sum + t.bytes, 0);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
  const lines = [`total self size: ${mb(total(early))} MB → ${mb(total(late))} MB`];
  const rows = [...new Set([...early.keys(), ...late.keys()])].map((key) => {
    const [before, after] = [early.get(key), late.get(key)];
    return {
      key,
      count: `${before?.count ?? 0} → ${after?.count ?? 0}`,
      grewBytes: (after?.bytes ?? 0) - (before?.bytes ?? 0),
      kb: `${Math.round((before?.bytes ?? 0) / 1024)} → ${Math.round((after?.bytes ?? 0) / 1024)}`,
    };
  });
  rows.sort((a, b) => b.grewBytes - a.grewBytes);
  for (const row of rows.slice(0, top))
    lines.push(`${row.key.slice(0, 60).padEnd(60)} ${row.count.padEnd(22)} ${row.kb} KB`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const [earlyFile, lateFile, top] = process.argv.slice(2);
if (!earlyFile || !lateFile) {
  console.error('usage: tsx bench/heap-summary.ts <early.heapsnapshot> <late.heapsnapshot> [top]');
  process.exit(2);
}
compare(earlyFile, lateFile, Number(top ?? 25));
