/**
 * A TCP relay between a device and the test server, for faults a real network has: going offline
 * (every connection dropped, new ones refused) and a reply lost after the server got the request.
 * It relays bytes only; TLS stays end to end between pg and PostgreSQL.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  host: string;
  port: number;
  /** Offline: drops every open connection and refuses new ones until back online. */
  setOnline(online: boolean): void;
  /**
   * The next bytes a device sends reach the server, but nothing comes back: the connection dies
   * once the server has had `settleMs` to act on them (e.g. commit).
   */
  loseNextReply(settleMs?: number): void;
  close(): Promise<void>;
}

export async function startTcpProxy(
  target: { host: string; port: number },
  listenHost = '127.0.0.1',
): Promise<TcpProxy> {
  let online = true;
  let loseReply: number | null = null;
  const pairs = new Set<[Socket, Socket]>();

  const server: Server = createServer((device) => {
    if (!online) {
      device.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [device, upstream];
    pairs.add(pair);
    let replying = true;
    device.on('data', (chunk) => {
      upstream.write(chunk);
      if (loseReply !== null) {
        const settle = loseReply;
        loseReply = null;
        replying = false;
        setTimeout(() => {
          device.destroy();
          upstream.destroy();
        }, settle);
      }
    });
    upstream.on('data', (chunk) => {
      if (replying) device.write(chunk);
    });
    const end = () => {
      device.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    device.on('close', end);
    upstream.on('close', end);
    device.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
  const { port } = server.address() as { port: number };

  return {
    host: listenHost,
    port,
    setOnline(next) {
      online = next;
      if (!next)
        for (const [device, upstream] of pairs) {
          device.destroy();
          upstream.destroy();
        }
    },
    loseNextReply(settleMs = 300) {
      loseReply = settleMs;
    },
    close: () =>
      new Promise((resolve) => {
        for (const [device, upstream] of pairs) {
          device.destroy();
          upstream.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
