import { randomBase62 } from '../../src/core/base62'
import { newApiKeyId } from '../../src/server/service/ids'
import { nameKeyOf } from '../../src/server/service/name-key'
import type { NewApiKeyRecord, SubjectRef } from '../../src/server/stores/types'

/** A random SHA-256 hex digest: what a store keeps of a secret. */
const randomHash = (): string =>
  Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('')

/**
 * A new key's record for a store test, made by and for `owner`: a fresh id and hash, a random name,
 * no description, claims, scopes or expiration, unless `fields` say otherwise.
 */
export function storeRecord(
  owner: SubjectRef,
  fields: Partial<NewApiKeyRecord> & Pick<NewApiKeyRecord, 'createdAt'>,
): NewApiKeyRecord {
  const name = fields.name ?? `key ${randomBase62(6)}`
  return {
    id: newApiKeyId(),
    ...owner,
    name,
    nameKey: nameKeyOf(name),
    description: null,
    claims: null,
    scopes: [],
    createdBy: owner.subject,
    expiration: null,
    prefix: 'sk_',
    lastFour: 'abcd',
    secretHash: randomHash(),
    ...fields,
  }
}
