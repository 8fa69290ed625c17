// The floor: the manager's table markup for `n` keys, rendered by React alone from ready strings,
// with no Provider, no query, no Intl and no windowing. What the kit adds is the rest of its time.

/** One floor row's ready-made text. */
export interface FloorKey {
  id: string
  name: string
  masked: string
  status: string
  created: string
  expires: string
  lastUsed: string
}

/** `n` rows of text shaped like the bench's keys. */
export function floorKeys(n: number): FloorKey[] {
  return Array.from({ length: n }, (_, index) => ({
    id: `k${index}`,
    name: `Billing worker ${index + 1}`,
    masked: `sk_…${String(1000 + index).slice(-4)}`,
    status: index % 11 === 0 ? 'Revoked' : 'Active',
    created: `${index} minutes ago`,
    expires: index % 4 === 0 ? 'Never' : `in ${index % 30} days`,
    lastUsed: index % 3 === 0 ? 'Never' : `${index} minutes ago`,
  }))
}

/** The table, every row rendered. */
export function FloorTable({ keys }: { keys: FloorKey[] }) {
  return (
    <div className="rak-manager">
      <table className="rak-table">
        <thead>
          <tr>
            {['Name', 'Key', 'Status', 'Created', 'Expires', 'Last used', 'Actions'].map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="rak-row">
              <th scope="row" className="rak-cell rak-cell--name">
                <span className="rak-key-name">{key.name}</span>
              </th>
              <td className="rak-cell rak-cell--key">
                <code className="rak-masked-key">{key.masked}</code>
              </td>
              <td className="rak-cell rak-cell--status">
                <span className="rak-badge">{key.status}</span>
              </td>
              <td className="rak-cell rak-cell--date">{key.created}</td>
              <td className="rak-cell rak-cell--date">{key.expires}</td>
              <td className="rak-cell rak-cell--date">{key.lastUsed}</td>
              <td className="rak-cell rak-cell--actions">
                <button type="button" className="rak-button rak-button--ghost">
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
