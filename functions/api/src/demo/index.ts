export { type DemoLogin, demoPassword, seedDemo } from './seed-demo'
