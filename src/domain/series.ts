/** A series the bot can talk about: one installed knowledge pack. Parties store its id. */
export interface SeriesSummary {
  id: string;
  title: string;
}

/** The series of everything stored before a bot could serve several: the one pack it had. */
export const seriesBeforeSeveral = 'hero-mask';

/** Whether what a member typed names the series: its id or its title, ignoring case and spacing. */
export function namesSeries(typed: string, series: SeriesSummary): boolean {
  const wanted = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  return wanted === series.id || wanted === series.title.toLowerCase().replace(/\s+/g, ' ');
}
