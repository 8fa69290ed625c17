/** The longest file name stem the `.env` download gets, in code points (file systems allow 255 bytes). */
const MAX_STEM_LENGTH = 80

/**
 * The file a key's `.env` download is saved as: its name made safe for every file system
 * (`Production API` -> `production-api.env`), letters, digits and the marks written on them (the
 * vowel signs of Hindi or Thai) of any script kept, everything else a single dash. A name with
 * nothing left (`***`) gives `api-key.env`.
 */
export function envFileName(keyName: string): string {
  const safe = keyName
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}._]+/gu, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
  // Cut by code points, never inside a letter written with two UTF-16 units.
  const stem = Array.from(safe)
    .slice(0, MAX_STEM_LENGTH)
    .join('')
    .replace(/[-._]+$/, '')
  return `${stem === '' ? 'api-key' : stem}.env`
}
