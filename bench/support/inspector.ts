import { createWriteStream } from 'node:fs';
import WebSocket from 'ws';

interface Reply {
  id?: number;
  method?: string;
  params?: { chunk?: string };
  result?: unknown;
  error?: { message: string };
}

/**
 * A DevTools-protocol client for a process started with `--inspect=127.0.0.1:<port>`: the soak
 * forces a full GC and reads the heap from outside, so the app carries no debug hook of its own.
 */
export class Inspector {
  private nextId = 0;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private onChunk?: (chunk: string) => void;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as Reply;
      if (reply.method === 'HeapProfiler.addHeapSnapshotChunk')
        this.onChunk?.(reply.params!.chunk!);
      if (reply.id === undefined) return;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static async connect(port: number): Promise<Inspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return new Inspector(socket);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) =>
        reply.error
          ? reject(new Error(`${method}: ${reply.error.message}`))
          : resolve(reply.result as T),
      );
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * Memory retained (MB) right after a full, forced garbage collection: the V8 heap in use plus
   * the memory outside it that JS objects hold (Buffers, ArrayBuffers), so either kind of leak shows.
   */
  async retainedAfterGcMb(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage');
    const { result } = await this.send<{ result: { value: number } }>('Runtime.evaluate', {
      expression: '(({ heapUsed, external }) => heapUsed + external)(process.memoryUsage())',
      returnByValue: true,
    });
    return result.value / 1024 / 1024;
  }

  /** Writes a `.heapsnapshot` (taking one collects garbage first) for bench/heap-summary.ts. */
  async writeHeapSnapshot(path: string): Promise<void> {
    const file = createWriteStream(path);
    this.onChunk = (chunk) => file.write(chunk);
    try {
      await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    } finally {
      this.onChunk = undefined;
      await new Promise((resolve) => file.end(resolve));
    }
  }

  close(): void {
    this.socket.close();
  }
}
