// Only the framework-free helpers.
export { ApiKeysError, generateApiKey, getKeyStatus, isWellFormedApiKey, validateCreateInput } from 'react-api-keys'
