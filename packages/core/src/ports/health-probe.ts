export interface DependencyStatus {
  name: string
  ok: boolean
  latencyMs: number
  /** Why it is not ok, in words fit for an operator; never a stack trace. */
  reason?: string
}

/** Asks a dependency whether it answers. */
export interface HealthProbe {
  readonly name: string
  check(): Promise<DependencyStatus>
}
