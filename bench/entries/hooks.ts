// Only the Provider and the paginated hook.
export { APIKeysProvider, useAPIKeys } from 'react-api-keys'
