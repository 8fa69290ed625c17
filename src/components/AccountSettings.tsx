'use client'
import { clsx } from 'clsx'
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useMessages } from '../react/use-localization'
import { useCurrentUserId } from '../react/use-team'
import { APIKeysManager, type APIKeysManagerProps } from './APIKeysManager'

/** A tab of the app's own in `<AccountSettings>`. */
export interface SettingsTab {
  /** A stable id, used in element ids and by `tab`, `defaultTab` and `onTabChange`. */
  id: string
  /** The tab's name. */
  label: string
  /** What the tab's panel shows. */
  content: ReactNode
}

/** Props of {@link AccountSettings}. */
export interface AccountSettingsProps {
  /**
   * Lay it out as a whole page, with a level-1 heading (else a section of a page, with a level-2 heading).
   * @default false
   */
  fullPage?: boolean
  /** The app's own tabs, shown before the API Keys tab. */
  tabs?: SettingsTab[]
  /** Hide the API Keys tab (for apps that turn user keys off). */
  hideApiKeysTab?: boolean
  /**
   * The id of the tab shown, when the app keeps it (in the URL, say); the API Keys tab's id is `'api-keys'`.
   * Leave out to let the component keep it.
   */
  tab?: string
  /** The id of the tab shown first while the component keeps the tab (default: the first tab). */
  defaultTab?: string
  /** Called with the id of the tab the user picks (by click or arrow keys). */
  onTabChange?: (tab: string) => void
  /** Props for the manager in the API Keys tab (its subject is always the signed-in user). */
  apiKeys?: Omit<APIKeysManagerProps, 'subject'>
  /** An extra class on the root element, beside `rak-root rak-settings`. */
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
    tabs.push({
      id: API_KEYS_TAB,
      label: messages.apiKeysTab,
      content: <APIKeysManager {...props.apiKeys} subject={userId} />,
    })
  }
  const [ownChoice, setOwnChoice] = useState(props.defaultTab)
  const chosen = props.tab ?? ownChoice
  const selected = tabs.find((tab) => tab.id === chosen) ?? tabs[0]
  function setChosen(id: string): void {
    if (id === selected?.id) return
    setOwnChoice(id)
    props.onTabChange?.(id)
  }
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
    <section
      className={clsx('rak-root rak-settings', props.fullPage && 'rak-settings--page', props.className)}
      aria-labelledby={`${baseId}-title`}
    >
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
            <div
              role="tabpanel"
              id={`${baseId}-panel-${selected.id}`}
              aria-labelledby={`${baseId}-tab-${selected.id}`}
              className="rak-tab-panel"
              tabIndex={0}
            >
              {selected.content}
            </div>
          )}
        </div>
      )}
    </section>
  )
}
