/**
 * Whether two strings are equal, in time that depends only on their length, never on where they
 * first differ. For secret-derived values of public length (hex hashes); portable to any runtime.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
