# Sourced by the other scripts: the pinned pnpm, without a global install or corepack.
PNPM_VERSION=10.34.9
pnpm() { npx --yes "pnpm@${PNPM_VERSION}" "$@"; }
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export npm_config_update_notifier=false
