/** Who asks to stop a quiz: their id, and whether they have Manage Server. */
export interface StopRequester {
  userId: string;
  canManageServer: boolean;
}

/** A quiz may be stopped by the member who started it, or by anyone with Manage Server. */
export function mayStopQuiz(starterId: string, requester: StopRequester): boolean {
  return requester.userId === starterId || requester.canManageServer;
}
