/** A clock: milliseconds since the epoch. Injected so tests can move time. */
export type Clock = () => number

/** The real clock. */
export const systemClock: Clock = () => Date.now()
