import { startLocalStack } from '@pingce/local-stack'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string
    s3Endpoint: string
  }
}

/**
 * One embedded stack (DynamoDB Local in memory, s3rver in a temp folder) for the integration
 * project, on free loopback ports; stopped and removed when the run ends. Each test file creates
 * its own table and bucket names, so files never see each other's data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const stack = await startLocalStack()
  project.provide('dynamoEndpoint', stack.dynamoEndpoint)
  project.provide('s3Endpoint', stack.s3Endpoint)
  return () => stack.stop()
}
