import type { Actor, Unit } from '@pingce/core'
import type { Services } from '../services'
import type { UnitBody } from './org-schemas'
import { putUnits } from './put-units'

/** Creates or replaces one unit; its group must exist (400 naming `groupId` otherwise). */
export async function putUnit(options: {
  deps: Pick<Services, 'org' | 'clock' | 'newId'>
  actor: Actor
  input: UnitBody & { unitId: string }
}): Promise<Unit> {
  const [unit] = await putUnits({ ...options, input: { units: [options.input as Unit] } })
  return unit as Unit
}
