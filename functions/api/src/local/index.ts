export { type LocalConfig, LocalConfigSchema, loadLocalConfig } from './local-config'
export { type RunningProduct, startLocal } from './start-local'
