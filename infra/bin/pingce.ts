import { createPingceApp } from '../lib/pingce-app'

// Account and region come from the CLI's credentials when there are any; without them the stack is
// environment-agnostic, which is enough for an offline `cdk synth`.
const account = process.env.CDK_DEFAULT_ACCOUNT
const region = process.env.CDK_DEFAULT_REGION
const { app } = createPingceApp(account && region ? { env: { account, region } } : {})
app.synth()
