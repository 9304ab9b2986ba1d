/** A member's answer to "are you coming?" under a reminder. */
export const rsvpAnswers = ['going', 'maybe', 'cant'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];
export type RsvpCounts = Record<RsvpAnswer, number>;

