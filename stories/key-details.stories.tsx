import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useRef, useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import {
  APIKeysManager,
  ApiKeysError,
  HygieneSummary,
  KeyDetailsSheet,
  useAPIKeys,
  useAPIKeysClient,
  type KeyDetailsSheetProps,
  type MemorySeedKey,
  type ScopeOption,
} from '../src/index'
import { DEMO_USER, demoKeys, manyKeys } from './support/demo-keys'
import { factOf, findDialog, findRow, page } from './support/play'
import { kit } from './support/with-kit'

const SCOPES: ScopeOption[] = [
  { value: 'keys:read', label: 'Read keys', description: 'List and view API keys.' },
  { value: 'orders:write', label: 'Write orders', description: 'Create, change and cancel orders.' },
  'deploy',
]

const DAY = 24 * 60 * 60 * 1000

/** Loads the keys as the manager's table does, and shows the details of the key named `name`. */
function DetailsOf({ name, ...props }: { name: string } & Partial<KeyDetailsSheetProps>) {
  const { data } = useAPIKeys({ pageSize: 20 })
  const [id, setId] = useState<string>()
  const [open, setOpen] = useState(true)
  const named = data.find((key) => key.name === name && key.replacedBy === undefined)
  if (id === undefined && named) setId(named.id)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Show details
      </button>
      <KeyDetailsSheet
        apiKey={open ? (data.find((key) => key.id === id) ?? null) : null}
        onClose={() => setOpen(false)}
        availableScopes={SCOPES}
        {...props}
      />
    </>
  )
}

/** A key's details, in a side sheet (full screen on a phone); name and description editable in place. */
const meta = {
  title: 'Components/Key details',
  component: KeyDetailsSheet,
  subcomponents: { HygieneSummary },
  tags: ['autodocs'],
  parameters: { docs: { story: { inline: false, iframeHeight: 640 } } },
  args: { apiKey: null, onClose: fn(), onRoll: fn(), onRevoke: fn() },
} satisfies Meta<typeof KeyDetailsSheet>

export default meta
type Story = StoryObj<typeof meta>

/** Every fact of a key: id with Copy, masked key, status, scopes with their descriptions, claims, creator, dates. */
export const Details: Story = {
  parameters: kit({
    seed: [
      {
        name: 'Production API',
        subject: DEMO_USER,
        description: 'Main backend in eu-west-1',
        scopes: ['keys:read', 'orders:write', 'legacy:admin'],
        claims: { region: 'eu-west-1', tier: 'gold' },
        createdBy: 'user_bob',
        createdAt: new Date(Date.now() - 40 * DAY),
        lastUsedAt: new Date(Date.now() - 5 * 60_000),
        expiration: new Date(Date.now() + 325 * DAY),
        lastFour: 'qeUS',
      },
    ],
  }),
  render: (args) => (
    <DetailsOf
      name="Production API"
      onRoll={args.onRoll}
      onRevoke={args.onRevoke}
      resolveUser={(id) => (id === 'user_bob' ? 'Bob Builder' : null)}
    />
  ),
  play: async ({ args }) => {
    const sheet = await findDialog('Production API')
    const facts = within(sheet)
    await expect(sheet).toHaveAccessibleDescription('Everything about this key except its secret.')
    // A side sheet on a desktop: along the right edge, as tall as the window.
    const box = sheet.getBoundingClientRect()
    await expect(Math.round(box.right)).toBe(innerWidth)
    await expect(Math.round(box.height)).toBe(innerHeight)
    await expect(facts.getByText('sk_…qeUS')).toBeVisible()
    await expect(facts.getByText('Read keys')).toBeVisible()
    await expect(facts.getByText('Create, change and cancel orders.')).toBeVisible()
    await expect(facts.getByText('legacy:admin')).toBeVisible()
    await expect(facts.getByText(/"tier": "gold"/)).toBeVisible()
    await expect(facts.getByText('Bob Builder')).toBeVisible()
    await expect(facts.getByText('(5 minutes ago)')).toBeVisible()

    await userEvent.click(facts.getByRole('button', { name: 'Copy key ID' }))
    const id = sheet.querySelector('.rak-key-id')?.textContent ?? ''
    await expect(await navigator.clipboard.readText()).toBe(id)
    await expect(facts.getByText('Key ID copied')).toBeVisible()

    await userEvent.click(facts.getByRole('button', { name: 'Roll' }))
    await expect(args.onRoll).toHaveBeenCalledWith(expect.objectContaining({ name: 'Production API' }))
    await userEvent.click(facts.getByRole('button', { name: 'Revoke' }))
    await expect(args.onRevoke).toHaveBeenCalledWith(expect.objectContaining({ name: 'Production API' }))
  },
}

/** Rename in place: Escape cancels the edit (not the sheet), a taken name is explained, Enter saves. */
export const RenameInPlace: Story = {
  render: () => <DetailsOf name="Production API" />,
  play: async () => {
    const sheet = await findDialog('Production API')
    const facts = within(sheet)
    await userEvent.click(facts.getByRole('button', { name: 'Edit name' }))
    const field = facts.getByRole('textbox', { name: 'Name' })
    await waitFor(() => expect(field).toHaveFocus())
    await userEvent.keyboard('{Escape}')
    await expect(sheet).toBeVisible()
    await waitFor(() => expect(facts.getByRole('button', { name: 'Edit name' })).toHaveFocus())

    await userEvent.click(facts.getByRole('button', { name: 'Edit name' }))
    await userEvent.clear(facts.getByRole('textbox', { name: 'Name' }))
    await userEvent.keyboard('github actions{Enter}')
    const taken = await facts.findByText(/An active key named “github actions” already exists/)
    await expect(taken).toBeVisible()
    await expect(facts.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(taken.textContent ?? '')

    await userEvent.clear(facts.getByRole('textbox', { name: 'Name' }))
    await userEvent.keyboard('Production API (eu){Enter}')
    await findDialog('Production API (eu)')
    // Saved: focus is back on Edit, where the editing began, not lost to the dialog.
    await waitFor(() => expect(facts.getByRole('button', { name: 'Edit name' })).toHaveFocus())

    // Saved with the Save button, from the description.
    await userEvent.click(facts.getByRole('button', { name: 'Edit description' }))
    await userEvent.type(facts.getByRole('textbox', { name: 'Description' }), ' (EU region)')
    await userEvent.click(facts.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(facts.getByRole('button', { name: 'Edit description' })).toHaveFocus())
  },
}

/** On a backend that keeps no description (Stack Auth), the details show none and offer none to edit; the name stays editable. */
export const WithoutDescription: Story = {
  parameters: kit({ withoutDescription: true }),
  render: () => <DetailsOf name="Production API" />,
  play: async () => {
    const sheet = await findDialog('Production API')
    const facts = within(sheet)
    await expect(facts.queryByText('Description', { selector: 'dt' })).toBeNull()
    await expect(facts.queryByRole('button', { name: 'Edit description' })).toBeNull()
    await expect(facts.getByRole('button', { name: 'Edit name' })).toBeVisible()
    await expect(factOf(sheet, 'Key')).toHaveTextContent(/^sk_…/)
  },
}

/** Rolled: the old key links to its replacement, and the replacement back; the old key offers no Roll. */
export const RotationLinks: Story = {
  render: function Render(args) {
    const client = useAPIKeysClient()
    const { data } = useAPIKeys({ pageSize: 20 })
    const [oldId, setOldId] = useState<string>()
    const production = data.find((key) => key.name === 'Production API')
    // Rolled once, as a user would (React may run an effect twice in development).
    const rolled = useRef(false)
    useEffect(() => {
      if (rolled.current || !production) return
      rolled.current = true
      setOldId(production.id)
      // A remount of the story (the docs page) finds the key rolled already: nothing to do then.
      client.roll({ apiKeyId: production.id, gracePeriodSeconds: 24 * 60 * 60 }).catch(() => undefined)
    }, [client, production])
    const old = data.find((key) => key.id === oldId && key.replacedBy !== undefined) ?? null
    return <KeyDetailsSheet apiKey={old} onClose={args.onClose} onRoll={args.onRoll} onRevoke={args.onRevoke} />
  },
  play: async () => {
    const sheet = await findDialog('Production API')
    const facts = within(sheet)
    await expect(facts.getByText('Replaced by')).toBeVisible()
    await expect(facts.queryByRole('button', { name: 'Roll' })).toBeNull()
    // It works until its grace period ends: revoked now, as its table row says.
    await expect(facts.getByRole('button', { name: 'Revoke now' })).toBeVisible()
    const link = facts.getByRole('button', { name: /^Show details of sk_…/ })
    const oldMasked = facts.getByText(/^sk_…/, { selector: '.rak-masked-key' }).textContent ?? ''
    await userEvent.click(link)
    await waitFor(() => expect(facts.getByText('Replaces')).toBeVisible())
    await expect(facts.getByRole('button', { name: 'Roll' })).toBeVisible()
    await userEvent.click(facts.getByRole('button', { name: `Show details of ${oldMasked}` }))
    await waitFor(() => expect(facts.getByText('Replaced by')).toBeVisible())
  },
}

const REVOKED_AT = new Date(Date.now() - 15 * DAY)

/** A key revoked 15 days ago by `revokedBy`, for the reason "Contract ended". */
const revokedKey = (revokedBy: string): MemorySeedKey[] => [
  {
    name: 'Contractor access',
    subject: DEMO_USER,
    description: 'Temporary access for the audit',
    createdBy: DEMO_USER,
    createdAt: new Date(Date.now() - 60 * DAY),
    lastUsedAt: new Date(Date.now() - 20 * DAY),
    // Not yet expired: only the revocation stops it, and its expiry is no longer shown.
    expiration: new Date(Date.now() + 30 * DAY),
    revokedAt: REVOKED_AT,
    revokedBy,
    revocationReason: 'Contract ended',
  },
]

/** Checks that when, by whom and why a key was revoked are in sight as its details open, above the actions. */
async function expectRevocationInSight(sheet: HTMLElement): Promise<void> {
  const actions = sheet.querySelector('.rak-details-actions')
  if (!actions) throw new Error('the details have no actions')
  const actionsTop = actions.getBoundingClientRect().top
  await expect(actionsTop).toBeLessThanOrEqual(innerHeight)
  for (const term of ['Revoked', 'Revoked by', 'Reason']) {
    await expect(factOf(sheet, term).getBoundingClientRect().bottom).toBeLessThanOrEqual(actionsTop)
  }
}

/**
 * Revoked: when (to the minute), by whom (the app's name for the revoker, through `resolveUser`) and
 * why, right after its status; nothing is left to roll or revoke, and its expiry is not shown.
 */
export const Revoked: Story = {
  globals: { viewport: { value: 'desktop', isRotated: false } },
  parameters: kit({ seed: revokedKey('user_alice') }),
  render: (args) => (
    <DetailsOf
      name="Contractor access"
      onRoll={args.onRoll}
      onRevoke={args.onRevoke}
      resolveUser={(id) => (id === 'user_alice' ? 'Alice Martin' : null)}
    />
  ),
  play: async () => {
    const sheet = await findDialog('Contractor access')
    await expect(within(factOf(sheet, 'Status')).getByText('Revoked')).toBeVisible()
    const revokedAt = factOf(sheet, 'Revoked')
    const exact = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(REVOKED_AT)
    await expect(revokedAt.textContent).toBe(exact)
    await expect(revokedAt.querySelector('time')).toHaveAttribute('datetime', REVOKED_AT.toISOString())
    await expect(factOf(sheet, 'Revoked by')).toHaveTextContent(/^Alice Martin$/)
    await expect(factOf(sheet, 'Reason')).toHaveTextContent(/^Contract ended$/)
    // The signed-in user made it; someone else revoked it.
    await expect(factOf(sheet, 'Created by')).toHaveTextContent(/^You$/)
    await expect(within(sheet).queryByText('Expires', { selector: 'dt' })).toBeNull()
    await expect(within(sheet).queryByRole('button', { name: 'Roll' })).toBeNull()
    await expect(within(sheet).queryByRole('button', { name: 'Revoke' })).toBeNull()
    await expectRevocationInSight(sheet)
    // "No scopes" sits as "No description" does: no paragraph's margins above and below it.
    const noScopes = within(factOf(sheet, 'Scopes')).getByText('No scopes')
    await expect(getComputedStyle(noScopes).marginTop).toBe('0px')
    await expect(getComputedStyle(noScopes).marginBottom).toBe('0px')
    const factHeight = (term: string) => factOf(sheet, term).parentElement?.getBoundingClientRect().height
    await expect(factHeight('Scopes')).toBe(factHeight('Created by'))
  },
}

/**
 * Revoked, on a phone, with scopes and claims: when, by whom and why are still in sight as the
 * details open, without scrolling past them.
 */
export const RevokedOnPhone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  parameters: kit({
    seed: revokedKey('user_alice').map((key) => ({
      ...key,
      scopes: ['keys:read', 'orders:write', 'deploy'],
      claims: { region: 'eu-west-1', tier: 'gold' },
    })),
  }),
  render: () => (
    <DetailsOf name="Contractor access" resolveUser={(id) => (id === 'user_alice' ? 'Alice Martin' : null)} />
  ),
  play: async () => {
    const sheet = await findDialog('Contractor access')
    await expect(factOf(sheet, 'Reason')).toHaveTextContent(/^Contract ended$/)
    await expectRevocationInSight(sheet)
  },
}

/** Revoked, in German, by the signed-in user: "Gesperrt am", "Gesperrt von Ihnen", "Grund". */
export const RevokedInGerman: Story = {
  globals: { locale: 'de' },
  parameters: kit({ seed: revokedKey(DEMO_USER) }),
  render: () => <DetailsOf name="Contractor access" />,
  play: async () => {
    const sheet = await findDialog('Contractor access')
    await expect(within(factOf(sheet, 'Status')).getByText('Gesperrt')).toBeVisible()
    const exact = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(REVOKED_AT)
    await expect(factOf(sheet, 'Gesperrt am').textContent).toBe(exact)
    await expect(factOf(sheet, 'Gesperrt von')).toHaveTextContent(/^Ihnen$/)
    await expect(factOf(sheet, 'Grund')).toHaveTextContent(/^Contract ended$/)
    await expect(within(sheet).queryByText('Läuft ab', { selector: 'dt' })).toBeNull()
  },
}

/** On a phone the sheet is the whole screen. */
export const OnPhone: Story = {
  globals: { viewport: { value: 'phone', isRotated: false } },
  render: () => <DetailsOf name="Production API" />,
  play: async () => {
    const sheet = await findDialog('Production API')
    const box = sheet.getBoundingClientRect()
    await expect(Math.round(box.left)).toBe(0)
    await expect(Math.round(box.width)).toBe(innerWidth)
    await expect(Math.round(box.height)).toBe(innerHeight)
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(innerWidth)
  },
}

/** German: every word of the sheet from the German table. */
export const German: Story = {
  globals: { locale: 'de' },
  render: () => <DetailsOf name="Production API" />,
  play: async () => {
    const sheet = await findDialog('Production API')
    await expect(within(sheet).getByRole('button', { name: 'Schlüssel-ID kopieren' })).toBeVisible()
    await expect(within(sheet).getByRole('button', { name: 'Name bearbeiten' })).toBeVisible()
  },
}

/** 19 keys, 5 a page: one expiring on page 1, one more on page 3, one unused for 90 days on page 4. */
function hygieneSeed(): MemorySeedKey[] {
  const now = Date.now()
  return [
    ...manyKeys(12),
    ...demoKeys(),
    {
      name: 'Preview deploy',
      subject: DEMO_USER,
      createdAt: new Date(now - 60 * 60_000),
      lastUsedAt: new Date(now - 5 * 60_000),
      expiration: new Date(now + 5 * DAY),
    },
    { name: 'Old importer', subject: DEMO_USER, createdAt: new Date(now - 200 * DAY), lastUsedAt: null },
  ]
}

/**
 * The hygiene summary above the manager's list, each finding a toggle that narrows the list to its
 * keys. This backend filters by hygiene (`supports.hygiene`), so the findings are counted over every
 * key, whatever page they are on, and a finding narrows the whole list, with its own pages.
 */
export const Hygiene: Story = {
  parameters: kit({ seed: hygieneSeed() }),
  render: () => <APIKeysManager pageSize={5} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const summary = await canvas.findByRole('region', { name: 'Key hygiene' })
    const expiring = within(summary).getByRole('button', { name: '2 keys expire this week' })
    const unused = within(summary).getByRole('button', { name: '1 key unused for 90 days' })
    await expect(within(summary).queryByText(/on this page/)).toBeNull()
    await expect(canvas.getByText('Showing 1–5 of 19')).toBeVisible()
    await userEvent.click(unused)
    await expect(unused).toHaveAttribute('aria-pressed', 'true')
    await expect(await canvas.findByText('Showing 1–1 of 1')).toBeVisible()
    await expect(await findRow(canvasElement, /^Old importer/)).toBeVisible()
    await userEvent.click(expiring)
    await expect(await canvas.findByText('Showing 1–2 of 2')).toBeVisible()
    await expect(await findRow(canvasElement, /^GitHub Actions/)).toBeVisible()
    await userEvent.click(within(summary).getByRole('button', { name: 'Show all keys' }))
    await expect(await canvas.findByText('Showing 1–5 of 19')).toBeVisible()
    await expect(page().queryByRole('dialog')).toBeNull()
  },
}

/**
 * The same keys on a backend whose list cannot filter by hygiene, as Stack Auth's and Clerk's: the
 * summary counts the page shown, says so, and a finding narrows that page only.
 */
export const HygieneOnThePageOnly: Story = {
  parameters: kit({ seed: hygieneSeed(), withoutHygiene: true }),
  render: () => <APIKeysManager pageSize={5} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const summary = await canvas.findByRole('region', { name: 'Key hygiene' })
    await expect(within(summary).getByText('Counted among the keys on this page.')).toBeVisible()
    const expiring = within(summary).getByRole('button', { name: '1 key expires this week' })
    await expect(within(summary).queryByRole('button', { name: /unused for 90 days$/ })).toBeNull()
    await userEvent.click(expiring)
    await expect(await findRow(canvasElement, /^Preview deploy/)).toBeVisible()
    await expect(canvas.getAllByRole('row')).toHaveLength(2)
    await expect(canvas.getByText('Showing 1–5 of 19')).toBeVisible()
    await userEvent.click(within(summary).getByRole('button', { name: 'Show all keys' }))
    await waitFor(() => expect(canvas.getAllByRole('row')).toHaveLength(6))
  },
}

/** A browser that refuses the clipboard: the sheet says how to copy the key ID by hand. */
export const CopyIdRefused: Story = {
  parameters: kit({ seed: [{ name: 'Production API', subject: DEMO_USER, lastFour: 'qeUS' }] }),
  beforeEach: () => {
    const original = navigator.clipboard.writeText
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))
    return () => {
      navigator.clipboard.writeText = original
    }
  },
  render: () => <DetailsOf name="Production API" />,
  play: async () => {
    const sheet = await findDialog('Production API')
    await userEvent.click(within(sheet).getByRole('button', { name: 'Copy key ID' }))
    await expect(await within(sheet).findByRole('alert')).toHaveTextContent(
      'Copying was blocked by the browser. Select the key ID and copy it by hand.',
    )
    await expect(within(sheet).queryByText('Key ID copied')).toBeNull()
  },
}

/**
 * A backend that says it filters by hygiene but refuses the filter (an API of one's own behind
 * `createRestFetcher` without `hygiene: false`): the manager says the findings could not be counted,
 * and lists every key as before.
 */
export const HygieneCountsFailed: Story = {
  parameters: kit({
    seed: hygieneSeed(),
    setup: (fetcher) => {
      const list = fetcher.list
      fetcher.list = (params) =>
        params.hygiene === undefined
          ? list(params)
          : Promise.reject(new ApiKeysError('invalid_input', 'Unknown query parameter: hygiene.'))
    },
  }),
  render: () => <APIKeysManager pageSize={5} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('Keys that expire soon or go unused could not be counted.')).toBeVisible()
    await expect(canvas.queryByRole('region', { name: 'Key hygiene' })).toBeNull()
    await expect(canvas.getByText('Showing 1–5 of 19')).toBeVisible()
  },
}
