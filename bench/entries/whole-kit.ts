// Everything the kit exports.
export * from 'react-api-keys'
