import { z } from '@hono/zod-openapi'
import { EntityIdSchema, UnitGroupSchema, UnitSchema } from '@pingce/core'

export const GroupSchema = UnitGroupSchema.openapi('UnitGroup')
export const GroupBodySchema = UnitGroupSchema.omit({ groupId: true }).openapi('UnitGroupInput')
export type GroupBody = z.infer<typeof GroupBodySchema>
export const UnitOutSchema = UnitSchema.openapi('Unit')
export const UnitBodySchema = UnitSchema.omit({ unitId: true }).openapi('UnitInput')
export type UnitBody = z.infer<typeof UnitBodySchema>
export const GroupParams = z.object({
  groupId: EntityIdSchema.openapi({ param: { name: 'groupId', in: 'path' } }),
})
export const UnitParams = z.object({
  unitId: EntityIdSchema.openapi({ param: { name: 'unitId', in: 'path' } }),
})
export const UnitListQuery = z.object({ groupId: EntityIdSchema.optional() })
