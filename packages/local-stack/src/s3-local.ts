import S3rver from 's3rver'

export interface RunningS3Local {
  endpoint: string
  port: number
  stop(): Promise<void>
}

/** Starts s3rver on a loopback port; objects are files under `directory`. */
export async function startS3Local(options: { directory: string; port?: number }): Promise<RunningS3Local> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
  })
  const address = await server.run()
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stop: () => server.close(),
  }
}
