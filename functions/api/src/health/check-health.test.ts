import type { DependencyStatus, HealthProbe } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { fakeProbe } from '../../test/test-deps'
import { appVersion } from '../version'
import { checkHealth } from './check-health'

describe('checkHealth', () => {
  it('is ok with the version when every dependency answers', async () => {
    // Prepare
    const probes = [fakeProbe('dynamodb', true), fakeProbe('s3', true)]
    // Act
    const health = await checkHealth({ probes })
    // Assess
    expect(health).toEqual({
      status: 'ok',
      version: appVersion,
      dependencies: [
        { name: 'dynamodb', ok: true, latencyMs: 1 },
        { name: 's3', ok: true, latencyMs: 1 },
      ],
    })
  })

  it('is degraded when one dependency fails, naming it and why', async () => {
    // Prepare
    const probes = [fakeProbe('dynamodb', true), fakeProbe('s3', false)]
    // Act
    const health = await checkHealth({ probes })
    // Assess
    expect(health.status).toBe('degraded')
    expect(health.dependencies.filter((dependency) => !dependency.ok)).toEqual([
      { name: 's3', ok: false, latencyMs: 1, reason: 'TimeoutError' },
    ])
  })

  it('asks every dependency at once rather than one after another', async () => {
    // Prepare
    const started: string[] = []
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const slowProbe = (name: string): HealthProbe => ({
      name,
      check: async (): Promise<DependencyStatus> => {
        started.push(name)
        await gate
        return { name, ok: true, latencyMs: 5 }
      },
    })
    // Act
    const pending = checkHealth({ probes: [slowProbe('dynamodb'), slowProbe('s3')] })
    await Promise.resolve()
    const startedBeforeRelease = [...started]
    release()
    const health = await pending
    // Assess
    expect(startedBeforeRelease).toEqual(['dynamodb', 's3'])
    expect(health.status).toBe('ok')
  })
})
