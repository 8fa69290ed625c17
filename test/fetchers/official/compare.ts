/**
 * Compares a request of an official client with the kit's request for the same operation: same
 * method, same path, the same query parameters and the same body fields. A deliberate difference is
 * named with what the kit sends instead (undefined: leaves it out) and why that is harmless; the kit
 * must send exactly that, and the official client something else, so a stale excuse is noticed.
 */
import { expect } from 'vitest'
import type { RecordedRequest } from './recorder'

/** What the kit sends instead of the official client's value (undefined: nothing), and why that is harmless. */
export interface Difference {
  kit: unknown
  why: string
}

/** Query parameters and body fields that differ on purpose. */
export interface Deliberate {
  query?: Record<string, Difference>
  body?: Record<string, Difference>
}

const without = (record: Record<string, unknown>, names: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)))

const asRecord = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}

function expectSameFields(
  what: string,
  official: Record<string, unknown>,
  kit: Record<string, unknown>,
  deliberate: Record<string, Difference> = {},
): void {
  const names = Object.keys(deliberate)
  expect(without(kit, names), what).toEqual(without(official, names))
  for (const [name, difference] of Object.entries(deliberate)) {
    expect(kit[name], `${what} "${name}" (${difference.why})`).toEqual(difference.kit)
    expect(official[name], `${what} "${name}" differs on purpose (${difference.why})`).not.toEqual(difference.kit)
  }
}

export function expectSameRequest(
  official: RecordedRequest | undefined,
  kit: RecordedRequest | undefined,
  deliberate: Deliberate = {},
): void {
  expect(official, 'the official client made the request').toBeDefined()
  expect(kit, 'the kit made the request').toBeDefined()
  if (!official || !kit) return
  expect(`${kit.method} ${kit.path}`).toBe(`${official.method} ${official.path}`)
  expectSameFields('query parameter', official.query, kit.query, deliberate.query)
  expect(kit.body === undefined, 'whether there is a body').toBe(official.body === undefined)
  expectSameFields('body field', asRecord(official.body), asRecord(kit.body), deliberate.body)
}
