/**
 * Discussion threads and who is where, as commands and buttons see them: moving a party's progress asks for the
 * threads it opens. Commands import from here only (a lint rule enforces it); the rest of the folder is the feature's own.
 */
export { moveProgress } from './moveProgress.js';
