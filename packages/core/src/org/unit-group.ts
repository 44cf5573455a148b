import { z } from '../zod'

/** Ids chosen by the tenant or generated: short, URL- and key-safe. */
export const EntityIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    'must be 1–64 letters, digits, _ or -, starting with a letter or digit',
  )

/** A unit group (分组 / 类别): e.g. 县（市、区）, 开发区, 部门（单位）. Ranking happens within a group. */
export const UnitGroupSchema = z.object({
  groupId: EntityIdSchema,
  name: z.string().trim().min(1).max(60),
  /** The city's own code for the group, e.g. Zhengzhou's A / B / E. */
  code: z.string().trim().max(10).optional(),
  description: z.string().max(500).optional(),
  sortOrder: z.number().int().default(0),
})
export type UnitGroup = z.infer<typeof UnitGroupSchema>
