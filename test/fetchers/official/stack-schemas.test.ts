// @vitest-environment node
/**
 * Stack's own shipped yup schemas (`@stackframe/stack-shared`, `interface/crud/project-api-keys`)
 * judge every request body the kit's Stack fetcher sends and every answer fixture it is tested on.
 * Validation is strict about unknown fields, and resolves `user_id: me` to the signed-in user, as
 * Stack's backend does.
 */
import {
  teamApiKeysCreateInputSchema,
  teamApiKeysCreateOutputSchema,
  teamApiKeysCrud,
  userApiKeysCreateInputSchema,
  userApiKeysCreateOutputSchema,
  userApiKeysCrud,
} from '@stackframe/stack-shared/dist/interface/crud/project-api-keys'
import { yupArray, yupBoolean, yupObject, yupString, yupValidate } from '@stackframe/stack-shared/dist/schema-fields'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnyObject, ObjectSchema } from 'yup'
import { createStackFetcher, type SubjectKind } from '../../../src/index'
import * as fixtures from '../fixtures/stack/keys'
import { TEAM_ID, USER_ID } from '../fixtures/stack/keys'
import { createRecorder, type Recorder } from './recorder'
import { PROJECT_ID, PUBLISHABLE_KEY, STACK_BASE, stackBackend } from './stack-backend'

type AnySchema = ObjectSchema<AnyObject>
const signal = new AbortController().signal

/** Validates as Stack's backend does: unknown fields refused, `me` read as the signed-in user. */
function validate(schema: AnySchema, value: unknown): Promise<unknown> {
  return yupValidate(schema, value, { currentUserId: USER_ID, context: { noUnknownPathPrefixes: [''] } })
}

/** A list answer: Stack's `CrudTypeOf<…>['List']` envelope around items of the read schema. */
function listSchema(readSchema: AnySchema): AnySchema {
  return yupObject({
    items: yupArray(readSchema).defined(),
    is_paginated: yupBoolean().defined(),
    pagination: yupObject({ next_cursor: yupString().nullable().defined() }).optional(),
  })
}

const SCHEMAS: Record<SubjectKind, { create: AnySchema; created: AnySchema; read: AnySchema; update: AnySchema }> = {
  user: {
    create: userApiKeysCreateInputSchema,
    created: userApiKeysCreateOutputSchema,
    read: userApiKeysCrud.client.readSchema,
    update: userApiKeysCrud.client.updateSchema,
  },
  team: {
    create: teamApiKeysCreateInputSchema,
    created: teamApiKeysCreateOutputSchema,
    read: teamApiKeysCrud.client.readSchema,
    update: teamApiKeysCrud.client.updateSchema,
  },
}

describe("Stack's shipped schemas accept every answer fixture", () => {
  it.each([
    ['user list', listSchema(SCHEMAS.user.read), fixtures.userList],
    ['team list', listSchema(SCHEMAS.team.read), fixtures.teamList],
    ['user create answer', SCHEMAS.user.created, fixtures.userCreated],
    ['team create answer', SCHEMAS.team.created, fixtures.teamCreated],
    ['renamed user key', SCHEMAS.user.read, fixtures.userRenamed],
    ['renamed team key', SCHEMAS.team.read, fixtures.teamRenamed],
    ['revoked user key', SCHEMAS.user.read, fixtures.userRevoked],
    ['revoked team key', SCHEMAS.team.read, fixtures.teamRevoked],
  ])('%s', async (_name, schema, fixture) => {
    await expect(validate(schema, fixture)).resolves.toBeDefined()
  })

  it('and refuse what a real server never sends: a null time instead of a missing one', async () => {
    await expect(
      validate(SCHEMAS.user.read, { ...fixtures.userRenamed, manually_revoked_at_millis: null }),
    ).rejects.toThrow(/manually_revoked_at_millis/)
    await expect(validate(SCHEMAS.user.read, { ...fixtures.userRenamed, expires_at_millis: null })).rejects.toThrow(
      /expires_at_millis/,
    )
  })
})

describe("Stack's shipped schemas accept every request body the kit's Stack fetcher sends", () => {
  let recorder: Recorder
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00.000Z'), toFake: ['Date'] })
    recorder = createRecorder(stackBackend)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const fetcherOn = (recording: Recorder) =>
    createStackFetcher({
      baseUrl: STACK_BASE,
      projectId: PROJECT_ID,
      publishableClientKey: PUBLISHABLE_KEY,
      getAccessToken: () => 'token',
      fetch: recording.fetch,
    })

  it.each<[SubjectKind, string]>([
    ['user', USER_ID],
    ['team', TEAM_ID],
  ])('for a %s key: create (with and without expiry), revoke, rename', async (kind, subject) => {
    const kit = fetcherOn(recorder)
    const as = { subject, subjectKind: kind, signal }
    const create = { ...as, description: null, scopes: [], claims: null }
    await kit.create({ ...create, name: 'Expiring', secondsUntilExpiration: 3600 })
    await kit.create({ ...create, name: 'Never expiring', secondsUntilExpiration: null })
    await kit.revoke({ ...as, apiKeyId: fixtures.userRevoked.id, revocationReason: 'Leaked' })
    await kit.update({ ...as, apiKeyId: fixtures.userRenamed.id, name: 'Renamed' })
    const [expiring, never, revoke, rename] = recorder.take()
    await expect(validate(SCHEMAS[kind].create, expiring?.body)).resolves.toMatchObject({
      description: 'Expiring',
      expires_at_millis: expect.any(Number),
    })
    await expect(validate(SCHEMAS[kind].create, never?.body)).resolves.toMatchObject({
      description: 'Never expiring',
      expires_at_millis: null,
    })
    await expect(validate(SCHEMAS[kind].update, revoke?.body)).resolves.toEqual({ revoked: true })
    await expect(validate(SCHEMAS[kind].update, rename?.body)).resolves.toEqual({ description: 'Renamed' })
  })

  it('and refuse the body the fetcher used to send for a key that never expires (no expires_at_millis), or a field Stack does not know', async () => {
    await expect(
      validate(SCHEMAS.team.create, { team_id: TEAM_ID, description: 'Warehouse sync', is_public: false }),
    ).rejects.toThrow(/expires_at_millis/)
    const withScopes = { user_id: 'me', description: 'Scoped', expires_at_millis: null, scopes: ['read'] }
    await expect(validate(SCHEMAS.user.create, withScopes)).rejects.toThrow(/unknown properties: scopes/)
  })
})
