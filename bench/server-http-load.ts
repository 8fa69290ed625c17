/**
 * The load of the HTTP figures, run in a process of its own so the server under test has the
 * bench's process to itself: `concurrency` keep-alive connections on raw sockets, each sending
 * its next GET as soon as the last answer is complete, for `seconds`. Prints one JSON line:
 * `{ perSecond, medianMs, failed }` (`failed`: answers that were not 200).
 *
 * Run by bench/server-http.ts: `node --import tsx bench/server-http-load.ts <port> <seconds>
 * <concurrency>`, with the keys to present in the environment (`RAK_BENCH_KEYS`, JSON array).
 */
import { connect, type Socket } from 'node:net'

/** Bytes of one complete answer at the start of `text`, or 0 while it is incomplete. */
function completeAnswerLength(text: string): number {
  const headEnd = text.indexOf('\r\n\r\n')
  if (headEnd === -1) return 0
  const head = text.slice(0, headEnd)
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)
  if (length?.[1] !== undefined) {
    const total = headEnd + 4 + Number(length[1])
    return text.length >= total ? total : 0
  }
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
    const end = text.indexOf('\r\n0\r\n\r\n', headEnd)
    return end === -1 ? 0 : end + 7
  }
  return headEnd + 4
}

function run(port: number, seconds: number, concurrency: number, keys: readonly string[]): Promise<void> {
  const latencies: number[] = []
  let failed = 0
  let next = 0
  const start = performance.now()
  const end = start + seconds * 1000
  const connection = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket: Socket = connect(port, '127.0.0.1')
      socket.setEncoding('latin1')
      let buffer = ''
      let sentAt = 0
      const send = (): void => {
        const key = keys[(next++ * 7919) % keys.length] ?? ''
        sentAt = performance.now()
        socket.write(`GET /protected HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\n\r\n`)
      }
      socket.on('data', (data: string) => {
        buffer += data
        for (let length = completeAnswerLength(buffer); length > 0; length = completeAnswerLength(buffer)) {
          if (!buffer.startsWith('HTTP/1.1 200')) failed++
          buffer = buffer.slice(length)
          const now = performance.now()
          latencies.push(now - sentAt)
          if (now < end) send()
          else socket.end()
        }
      })
      socket.once('connect', send)
      socket.once('error', reject)
      socket.once('close', () => resolve())
    })
  return Promise.all(Array.from({ length: concurrency }, connection)).then(() => {
    const elapsed = (performance.now() - start) / 1000
    latencies.sort((a, b) => a - b)
    const medianMs = latencies[Math.floor(latencies.length / 2)] ?? 0
    console.log(JSON.stringify({ perSecond: latencies.length / elapsed, medianMs, failed }))
  })
}

const [port, seconds, concurrency] = process.argv.slice(2).map(Number)
const keys = JSON.parse(process.env.RAK_BENCH_KEYS ?? '[]') as string[]
await run(port ?? 0, seconds ?? 1, concurrency ?? 16, keys)
