/**
 * The name the audit log and records carry for what was done before this computer was enrolled: stored in English as
 * a marker, never a person, so every screen and report shows it in its reader's language.
 */
export const NOT_ENROLLED_ACTOR = 'Not enrolled';

/** A stored actor name as shown: a person's name as it is, the not-enrolled marker in the reader's words. */
export const shownActorName = (name: string, notEnrolledWords: string): string =>
  name === NOT_ENROLLED_ACTOR ? notEnrolledWords : name;
