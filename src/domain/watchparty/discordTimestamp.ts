/**
 * Discord renders `<t:unix:style>` in each reader's own time zone and language, which is why reminders
 * show times this way instead of formatting them in the server's zone.
 */

/** t short time, T long time, d short date, D long date, f date and time, F the same with weekday, R relative. */
export type DiscordTimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

export function discordTimestamp(date: Date, style: DiscordTimestampStyle): string {
  return `<t:${Math.floor(date.getTime() / 1000)}:${style}>`;
}
