/** What the router tells metrics and tests about each interaction it handled. */
export interface InteractionReport {
  kind: 'command' | 'autocomplete' | 'component';
  name: string;
  outcome: 'ok' | 'refused' | 'invalid' | 'error';
  durationMilliseconds: number;
}
