import type { MemorySeedKey, SubjectKind } from '../../src/index'

export const DEMO_USER = 'user_2x9Kd'
export const DEMO_TEAM = 'team_acme'

/** Whose keys: the demo team's belong to a team, every other subject's to a user. */
const kindOf = (subject: string): SubjectKind => (subject === DEMO_TEAM ? 'team' : 'user')

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

const SERVICES = [
  'Billing worker',
  'Metrics exporter',
  'Mobile app',
  'Nightly backup',
  'Partner sync',
  'Search indexer',
  'Slack bot',
  'Staging deploy',
  'Webhooks relay',
  'Zapier',
  'Analytics ETL',
  'Support dashboard',
]

/** Realistic keys of every kind: active, expiring soon, expired, revoked (with a reason), never used. */
export function demoKeys(subject: string = DEMO_USER, now: number = Date.now()): MemorySeedKey[] {
  const at = (offset: number): Date => new Date(now + offset)
  return [
    {
      name: 'Production API',
      subject,
      subjectKind: kindOf(subject),
      description: 'Main backend in eu-west-1',
      scopes: ['keys:read', 'orders:write'],
      createdAt: at(-40 * DAY),
      lastUsedAt: at(-5 * 60_000),
      expiration: at(325 * DAY),
    },
    {
      name: 'GitHub Actions',
      subject,
      subjectKind: kindOf(subject),
      description: 'Deploys on merge to main',
      scopes: ['deploy'],
      createdAt: at(-12 * DAY),
      lastUsedAt: at(-3 * HOUR),
      expiration: at(3 * DAY),
    },
    {
      name: 'Local development',
      subject,
      subjectKind: kindOf(subject),
      description: null,
      createdAt: at(-2 * DAY),
      lastUsedAt: null,
      expiration: null,
    },
    {
      name: 'Old CLI token',
      subject,
      subjectKind: kindOf(subject),
      description: 'Replaced by the GitHub Actions key',
      createdAt: at(-120 * DAY),
      lastUsedAt: at(-31 * DAY),
      expiration: at(-30 * DAY),
    },
    {
      name: 'Contractor access',
      subject,
      subjectKind: kindOf(subject),
      description: 'Temporary access for the audit',
      createdAt: at(-60 * DAY),
      lastUsedAt: at(-20 * DAY),
      revokedAt: at(-15 * DAY),
      revocationReason: 'Contract ended',
    },
  ]
}

/** `count` plausible keys, for lists that run over many pages. */
export function manyKeys(count: number, subject: string = DEMO_USER, now: number = Date.now()): MemorySeedKey[] {
  return Array.from({ length: count }, (_, index) => {
    const service = SERVICES[index % SERVICES.length] ?? 'Service'
    return {
      name: `${service} ${Math.floor(index / SERVICES.length) + 1}`,
      subject,
      subjectKind: kindOf(subject),
      createdAt: new Date(now - (index + 1) * 7 * HOUR),
      lastUsedAt: index % 3 === 0 ? null : new Date(now - index * 11 * 60_000),
      expiration: index % 4 === 0 ? null : new Date(now + ((index % 9) + 1) * 20 * DAY),
    }
  })
}
