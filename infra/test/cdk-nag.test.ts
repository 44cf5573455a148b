import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { App, Stack, Validations } from 'aws-cdk-lib'
import { Bucket } from 'aws-cdk-lib/aws-s3'
import { AwsSolutionsChecks } from 'cdk-nag'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPingceApp } from '../lib/pingce-app'
import { cdkJsonContext, testEnv } from './synth-pingce'

describe('cdk-nag AwsSolutions', () => {
  let synthError: unknown
  let outdir: string

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'pingce-nag-'))
    const { app } = createPingceApp({ context: cdkJsonContext(), outdir, env: testEnv })
    try {
      app.synth()
    } catch (error) {
      synthError = error
    }
  })

  it('finds no unacknowledged error or warning in the Pingce app', () => {
    // Findings surface as an exception from app.synth(); show them if there are any.
    expect(synthError === undefined ? '' : String((synthError as Error).message ?? synthError)).toBe('')
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: Array<{ violations?: unknown[] }>
    }
    expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([])
  })

  it('is really checking: a bare bucket fails the synth (control)', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'pingce-nag-control-')) })
    const stack = new Stack(app, 'Control', { env: testEnv })
    new Bucket(stack, 'Bare')
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app))
    expect(() => app.synth()).toThrow(/AwsSolutions-S1|AwsSolutions-S10/)
  })
})
