/** How each dub reads on a character card; a dub not listed here shows its key. */
const shortDubLabels: Record<string, string> = {
  japanese: 'Japanese',
  'english-netflix': 'English (Netflix)',
  'english-sentai': 'English (Sentai)',
};

export function dubLabel(dub: string): string {
  return shortDubLabels[dub] ?? dub;
}
