import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP proxy in front of a real server (PostgreSQL here) that a drill can cut: `down()` resets
 * every open connection and refuses new ones (ECONNREFUSED), as when a database restarts or a
 * network partitions; `up()` lets connections through again on the same port.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  /**
   * Listens below the ephemeral range (32768+ on Linux): while the proxy is down, its port must
   * not be handed to some outgoing connection, or it could not listen there again.
   */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    for (;;) {
      const proxy = new TcpProxy(target, 20_000 + Math.floor(Math.random() * 10_000));
      try {
        await proxy.up();
        return proxy;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      }
    }
  }

  /** The URL of `url`'s server reached through the proxy. */
  rewrite(url: string): string {
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String(this.port);
    return through.toString();
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.resetAndDestroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
