export { indexPage } from './index-page'
export { type Locale, messages } from './messages'
