import type { DependencyStatus, HealthProbe } from '@pingce/core'
import { appVersion } from '../version'

export interface Health {
  status: 'ok' | 'degraded'
  version: string
  dependencies: DependencyStatus[]
}

/** Asks every dependency at once whether it answers. */
export async function checkHealth(options: { probes: HealthProbe[] }): Promise<Health> {
  const dependencies = await Promise.all(options.probes.map((probe) => probe.check()))
  const isHealthy = dependencies.every((dependency) => dependency.ok)
  return { status: isHealthy ? 'ok' : 'degraded', version: appVersion, dependencies }
}
