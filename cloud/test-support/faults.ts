import net from 'node:net'

// Network faults on 127.0.0.1 for the timeout tests: a server that accepts and never answers, and
// a proxy in front of PostgreSQL that can freeze (stop passing bytes both ways), as a database
// stopped with kill -STOP or a dead network path would look to the API.

export type TcpFault = { port: number; url(database?: string): string; close(): Promise<void> }

const listen = (server: net.Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)))

const closing = (server: net.Server, sockets: Set<net.Socket>) => () =>
  new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy()
    server.close(() => resolve())
  })

/** Accepts TCP connections and never sends a byte. */
export const startBlackHole = async (): Promise<TcpFault> => {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  const port = await listen(server)
  return {
    port,
    url: (database = 'parklink') => `postgres://app:secret-password@127.0.0.1:${port}/${database}`,
    close: closing(server, sockets),
  }
}

export type FreezableProxy = TcpFault & { freeze(): void; thaw(): void }

/** Forwards to `target` (a postgres:// URL) until frozen; frozen, it holds every byte (and new connections) until thawed. */
export const startFreezableProxy = async (target: string): Promise<FreezableProxy> => {
  const upstream = new URL(target)
  const sockets = new Set<net.Socket>()
  let frozen = false
  const waiting: (() => void)[] = []
  const pipes: { from: net.Socket; to: net.Socket }[] = []
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  }
  const pipe = (from: net.Socket, to: net.Socket) => {
    pipes.push({ from, to })
    from.on('data', (chunk) => to.write(chunk))
    from.on('close', () => to.destroy())
    if (frozen) from.pause()
  }
  const server = net.createServer((client) => {
    track(client)
    client.pause()
    const connect = () => {
      const server = net.connect(Number(upstream.port || 5432), upstream.hostname)
      track(server)
      pipe(client, server)
      pipe(server, client)
      client.resume()
    }
    if (frozen) waiting.push(connect)
    else connect()
  })
  const port = await listen(server)
  return {
    port,
    url: (database = upstream.pathname.slice(1)) => {
      const url = new URL(target)
      url.host = `127.0.0.1:${port}`
      url.pathname = `/${database}`
      return url.toString()
    },
    freeze: () => {
      frozen = true
      for (const { from } of pipes) from.pause()
    },
    thaw: () => {
      frozen = false
      for (const { from } of pipes) if (!from.destroyed) from.resume()
      for (const connect of waiting.splice(0)) connect()
    },
    close: closing(server, sockets),
  }
}
