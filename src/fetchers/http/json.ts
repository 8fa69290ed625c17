import { unexpectedAnswer } from './errors'
import { isJsonObject, type JsonObject } from './json-object'

export { isJsonObject, type JsonObject } from './json-object'

/**
 * Reads fields of one JSON object answered by a backend, rejecting (as `unknown`, without echoing
 * the body) when a field is missing or has the wrong type.
 */
export class JsonReader {
  readonly #value: JsonObject
  readonly #what: string

  constructor(value: unknown, what: string) {
    if (!isJsonObject(value)) throw unexpectedAnswer(`${what} is not an object`)
    this.#value = value
    this.#what = what
  }

  #fail(field: string, expected: string): never {
    throw unexpectedAnswer(`${this.#what}.${field} is not ${expected}`)
  }

  /** Whether the object has the field with a value other than null. */
  has(field: string): boolean {
    return this.#value[field] !== undefined && this.#value[field] !== null
  }

  /** The raw value of a field. */
  raw(field: string): unknown {
    return this.#value[field]
  }

  string(field: string): string {
    const value = this.#value[field]
    return typeof value === 'string' ? value : this.#fail(field, 'a string')
  }

  optionalString(field: string): string | null {
    return this.has(field) ? this.string(field) : null
  }

  number(field: string): number {
    const value = this.#value[field]
    return typeof value === 'number' && Number.isFinite(value) ? value : this.#fail(field, 'a number')
  }

  boolean(field: string): boolean {
    const value = this.#value[field]
    return typeof value === 'boolean' ? value : this.#fail(field, 'a boolean')
  }

  optionalBoolean(field: string): boolean | null {
    return this.has(field) ? this.boolean(field) : null
  }

  strings(field: string): string[] {
    if (!this.has(field)) return []
    const value = this.#value[field]
    return Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? [...value]
      : this.#fail(field, 'a list of strings')
  }

  optionalObject(field: string): JsonObject | null {
    if (!this.has(field)) return null
    const value = this.#value[field]
    return isJsonObject(value) ? value : this.#fail(field, 'an object')
  }

  /** An ISO 8601 date string as a Date. */
  isoDate(field: string): Date {
    const date = new Date(this.string(field))
    return Number.isNaN(date.getTime()) ? this.#fail(field, 'a date') : date
  }

  optionalIsoDate(field: string): Date | null {
    return this.has(field) ? this.isoDate(field) : null
  }

  /** Milliseconds since the epoch as a Date. */
  millisDate(field: string): Date {
    const date = new Date(this.number(field))
    return Number.isNaN(date.getTime()) ? this.#fail(field, 'a time in milliseconds') : date
  }

  optionalMillisDate(field: string): Date | null {
    return this.has(field) ? this.millisDate(field) : null
  }

  /** A time in milliseconds, or null when missing, null or 0: Stack's and Clerk's SDKs read 0 as unset. */
  unsetOrMillisDate(field: string): Date | null {
    return this.has(field) && this.number(field) !== 0 ? this.millisDate(field) : null
  }

  /** The elements of an array field. */
  array(field: string): unknown[] {
    const value = this.#value[field]
    return Array.isArray(value) ? value : this.#fail(field, 'a list')
  }
}
