// The drop-in manager as an app on the server companion ships it: the Provider and the REST fetcher.
export { APIKeysManager, APIKeysProvider, createRestFetcher } from 'react-api-keys'
