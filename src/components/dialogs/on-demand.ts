// Everything the manager loads on demand, in one module and so in one chunk: the dialogs and the
// details sheet. Radix Dialog (with its focus trap and scroll lock) is most of each, so a chunk per
// dialog would save little on the first open and cost a request and a compression context each.
/** The create dialog. */
export { CreateApiKeyDialog } from './CreateApiKeyDialog'
/** The one-time secret dialog. */
export { SecretRevealDialog } from './SecretRevealDialog'
/** The revoke confirmation. */
export { RevokeApiKeyDialog } from './RevokeApiKeyDialog'
/** The roll dialog. */
export { RollApiKeyDialog } from './RollApiKeyDialog'
/** A key's details sheet. */
export { KeyDetailsSheet } from '../details/KeyDetailsSheet'
