/** The time now; injected so that tests and the demo seeding can fix it. */
export type Clock = () => Date

/** A new unique id (UUIDs in production, a sequence in tests). */
export type IdSource = () => string
