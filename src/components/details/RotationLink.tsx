'use client'
import { maskedKey } from '../../core/masked-key'
import type { APIKeyResource } from '../../core/types'
import { useMessages } from '../../react/use-localization'
import { useCachedKey } from './use-cached-key'

/** Props of {@link RotationLink}. */
export interface RotationLinkProps {
  /** The id of the other key of the roll. */
  keyId: string
  subject?: string
  /** Switches the details to the other key. */
  onShow: (key: APIKeyResource) => void
}

/**
 * The other key of a roll: a button showing its masked key that switches the details to it, when a
 * loaded list holds it; else its id, which is all the key says.
 */
export function RotationLink({ keyId, subject, onShow }: RotationLinkProps) {
  const messages = useMessages()
  const other = useCachedKey(keyId, subject)
  if (!other) return <code className="rak-key-id">{keyId}</code>
  const masked = maskedKey(other)
  return (
    <button
      type="button"
      className="rak-button rak-button--link rak-rotation-link"
      aria-label={messages.showKeyDetails(masked)}
      onClick={() => onShow(other)}
    >
      <code>{masked}</code>
    </button>
  )
}
