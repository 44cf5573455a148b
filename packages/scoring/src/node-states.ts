/** Node states, per unit and indicator. */
export const STATE_VALUE = 0
export const STATE_MISSING = 1
export const STATE_EXCLUDED = 2
export const STATE_IMPUTED = 3
export const STATE_ZERO = 4
/** Node flags, per unit and indicator. */
export const FLAG_CAPPED = 1
export const FLAG_ABOVE_MAX = 2
