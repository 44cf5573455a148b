import rootPackage from '../../../package.json'

/** The product version, from the root package.json (bundled into the Lambda at build time). */
export const appVersion: string = rootPackage.version
