// Only the drop-in manager (with the Provider it needs).
export { APIKeysManager, APIKeysProvider } from 'react-api-keys'
