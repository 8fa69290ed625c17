// @vitest-environment node
import { createMemoryStore } from '../../src/server/stores/memory-store'
import { describeStoreContract } from './store-contract'

describeStoreContract('memory', async () => createMemoryStore())
