/**
 * The watch-party feature as commands and buttons see it: its use-cases, its buttons and its messages.
 * Commands import from here only (a lint rule enforces it); the rest of the folder is the feature's own.
 */
export { calendarFile } from './calendarFile.js';
export { noticesAfter } from './hostNoticeReply.js';
export { finishedButtonArguments, finishedComponentName, rsvpButtonArguments, rsvpComponentName } from './reminderButtons.js';
export { finishedRecordedMessage, rsvpButtons } from './reminderMessages.js';
export { cancelSchedule, resumeSchedule } from './scheduleChanges.js';
export { listSchedules } from './scheduleList.js';
export { scheduleSession } from './scheduleSession.js';
export { partyOfSchedule, scheduleIdTargetParty, scheduleTargetParty } from './scheduleTargetParty.js';
export { describeEpisodes, seriesOfSchedule } from './sessionEpisodes.js';
export { describeRepeat, describeStart } from './sessionText.js';
