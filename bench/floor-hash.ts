import { hash } from 'node:crypto'

/**
 * The floors' SHA-256 (lower-case hex): node:crypto's one-shot `hash`, the fastest Node 20 has and
 * what the kit's service uses there, so a floor never runs slower hashing than the kit it is set beside.
 * The memory store's filler keys are hashed with it too, so floor and store hold the same hashes.
 */
export const floorSha256 = (text: string): string => hash('sha256', text, 'hex')
