/** The longest file name stem the `.env` download gets, in characters (file systems allow 255 bytes). */
const MAX_STEM_LENGTH = 80

/**
 * The file a key's `.env` download is saved as: its name made safe for every file system
 * (`Production API` -> `production-api.env`), letters and digits of any script kept, everything
 * else a single dash. A name with nothing left (`***`) gives `api-key.env`.
 */
export function envFileName(keyName: string): string {
  const stem = keyName
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._]+/gu, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, MAX_STEM_LENGTH)
    .replace(/[-._]+$/, '')
  return `${stem === '' ? 'api-key' : stem}.env`
}
