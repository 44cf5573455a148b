import { z } from '../zod'
import { EntityIdSchema } from './unit-group'

export const WebsiteSchema = z.object({
  name: z.string().trim().min(1).max(100),
  url: z.url(),
  /** 正常 / 关停整改 (closed for rectification). */
  status: z.enum(['active', 'closed-for-rectification']).default('active'),
})

export const NewMediaAccountSchema = z.object({
  platform: z.enum(['wechat', 'weibo', 'douyin', 'toutiao', 'app', 'other']),
  name: z.string().trim().min(1).max(100),
  accountId: z.string().trim().max(100).optional(),
})

/** An evaluated unit (评估对象): a district/county, department, development zone, committee… */
export const UnitSchema = z.object({
  unitId: EntityIdSchema,
  groupId: EntityIdSchema,
  name: z.string().trim().min(1).max(100),
  /** Other names the unit appears under in imports and published tables (城管局 = 市城市管理局). */
  aliases: z.array(z.string().trim().min(1).max(100)).default([]),
  websites: z.array(WebsiteSchema).default([]),
  newMediaAccounts: z.array(NewMediaAccountSchema).default([]),
})
export type Unit = z.infer<typeof UnitSchema>
