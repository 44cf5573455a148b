import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi'
import { z } from 'zod'

// zod 4 attaches methods when a schema is constructed, so `.openapi()` exists only on schemas made
// after this call. Every core schema imports `z` from here, so the API layer can document them
// whatever the module load order.
extendZodWithOpenApi(z)

export { z }
