'use client'
import { clsx } from 'clsx'
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useMessages } from '../react/use-localization'
import { useCurrentUserId } from '../react/use-team'
import { APIKeysManager, type APIKeysManagerProps } from './APIKeysManager'

/** A tab of the app's own in `<AccountSettings>`. */
export interface SettingsTab {
  id: string
  label: string
  content: ReactNode
}

/** Props of {@link AccountSettings}. */
export interface AccountSettingsProps {
  /** Lay it out as a whole page, with a heading (default false: a section of a page). */
  fullPage?: boolean
  /** The app's own tabs, shown before the API Keys tab. */
  tabs?: SettingsTab[]
  /** Hide the API Keys tab (for apps that turn user keys off). */
  hideApiKeysTab?: boolean
  /** The tab shown first (default: the first tab). */
  defaultTab?: string
  /** Passed to the manager in the API Keys tab. */
  apiKeys?: Omit<APIKeysManagerProps, 'subject'>
  className?: string
}

const API_KEYS_TAB = 'api-keys'

/**
 * Account settings with an accessible tab list (arrow keys, Home, End). The API Keys tab manages the
 * signed-in user's own keys, whatever organization is active.
 */
export function AccountSettings(props: AccountSettingsProps) {
  const messages = useMessages()
  const userId = useCurrentUserId()
  const baseId = useId()
  const tabs: SettingsTab[] = [...(props.tabs ?? [])]
  if (!props.hideApiKeysTab && userId) {
    tabs.push({ id: API_KEYS_TAB, label: messages.apiKeysTab, content: <APIKeysManager {...props.apiKeys} subject={userId} /> })
  }
  const [chosen, setChosen] = useState(props.defaultTab)
  const selected = tabs.find((tab) => tab.id === chosen) ?? tabs[0]
  const tabRefs = useRef(new Map<string, HTMLButtonElement>())

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = tabs.findIndex((tab) => tab.id === selected?.id)
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    const next = tabs[(target + tabs.length) % tabs.length]
    if (!next) return
    setChosen(next.id)
    tabRefs.current.get(next.id)?.focus()
  }

  const Heading = props.fullPage ? 'h1' : 'h2'
  return (
    <section className={clsx('rak-root rak-settings', props.fullPage && 'rak-settings--page', props.className)} aria-labelledby={`${baseId}-title`}>
      <Heading id={`${baseId}-title`} className="rak-settings-title">
        {messages.accountSettingsTitle}
      </Heading>
      {tabs.length > 0 && (
        <div className="rak-tabs">
          <div role="tablist" aria-label={messages.settingsTabsLabel} className="rak-tab-list" onKeyDown={onKeyDown}>
            {tabs.map((tab) => {
              const active = tab.id === selected?.id
              return (
                <button
                  key={tab.id}
                  ref={(node) => {
                    if (node) tabRefs.current.set(tab.id, node)
                    else tabRefs.current.delete(tab.id)
                  }}
                  type="button"
                  role="tab"
                  id={`${baseId}-tab-${tab.id}`}
                  aria-selected={active}
                  aria-controls={`${baseId}-panel-${tab.id}`}
                  tabIndex={active ? 0 : -1}
                  className="rak-tab"
                  onClick={() => setChosen(tab.id)}
                >
                  {tab.label}
                </button>
              )
            })}
          </div>
          {selected && (
            <div role="tabpanel" id={`${baseId}-panel-${selected.id}`} aria-labelledby={`${baseId}-tab-${selected.id}`} className="rak-tab-panel" tabIndex={0}>
              {selected.content}
            </div>
          )}
        </div>
      )}
    </section>
  )
}
