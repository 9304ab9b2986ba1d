/** How far a party has got: the last finished episode (0 = not started), and who set it when. */
export interface ProgressState {
  episode: number;
  changedBy: string | null;
  changedAt: Date | null;
}


/** A member's own progress (`/progress mine`): the last episode they finished. */
export interface PersonalProgress {
  userId: string;
  episode: number;
}
