import { z } from '@hono/zod-openapi'
import { TenantIdSchema } from '@pingce/core'
import { TenantOutSchema } from '../auth/identity-schemas'

export const TenantListSchema = z.object({ tenants: z.array(TenantOutSchema) }).openapi('TenantList')

export const TenantIdParamsSchema = z.object({
  tenantId: TenantIdSchema.openapi({ param: { name: 'tenantId', in: 'path' }, example: 'zhengzhou' }),
})

export const DivisionCodeDecisionSchema = z
  .object({
    reason: z.string().trim().min(1).max(500).optional().openapi({
      description: 'Kept in the audit entry, e.g. how the city was verified',
      example: '已电话核实',
    }),
  })
  .openapi('DivisionCodeDecision')
