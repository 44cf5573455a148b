export { type AppDeps, createApp } from './app'
export { type AppConfig, AppConfigSchema, ConfigError, loadConfig } from './config'
export { createDependencies } from './dependencies'
export { createLogger, type Logger, type LogLevel } from './logging/logger'
