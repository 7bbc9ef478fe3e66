/** How the function under test is deployed. */
export const Mode = {
  /** A function evaluating its own account, every trigger accepted (single-account deployment). */
  Own: 'own',
  /** The central function: cross-account through a member role, periodic triggers only. */
  Organization: 'organization',
} as const;

/** One of the values of {@link Mode}. */
export type Mode = (typeof Mode)[keyof typeof Mode];
