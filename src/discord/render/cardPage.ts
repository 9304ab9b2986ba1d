import type { APIEmbed } from 'discord.js';
import { discordLimits } from './discordLimits.js';
import { layoutPages } from './layoutPages.js';
import type { CardSection, PageLayoutOptions } from './layoutPages.js';
import { truncate } from './spoilerSafeText.js';

/** What a lookup shows, before it is laid out on pages. */
export interface Card {
  title: string;
  sections: readonly CardSection[];
  /** Shown when no section has anything in it. */
  emptyText: string;
  layout?: PageLayoutOptions;
}

export interface CardPage {
  embed: APIEmbed;
  /** The page shown: the one asked for, moved into range when the card has fewer pages now. */
  page: number;
  pageCount: number;
}

const accentColour = 0x5865f2;

/** One entry of a list on a card. */
export function bullet(text: string): string {
  return `• ${text}`;
}

/** Each card's pages, for the cards a view keeps (defineArgumentlessView): laid out once, not on every answer. */
const laidOut = new WeakMap<Card, string[]>();

/** One page of a card as an embed, with "Page 2 of 3 · Safe up to S1E4" in the footer. */
export function renderCardPage(card: Card, requestedPage: number, gateLabel: string): CardPage {
  let descriptions = laidOut.get(card);
  if (!descriptions) laidOut.set(card, (descriptions = layoutPages(card.sections, card.layout)));
  const pageCount = Math.max(1, descriptions.length);
  const page = Math.min(Math.max(1, Math.trunc(requestedPage)), pageCount);
  const footer = pageCount > 1 ? `Page ${page} of ${pageCount} · ${gateLabel}` : gateLabel;
  return {
    embed: {
      title: truncate(card.title, discordLimits.embedTitle),
      description: truncate(descriptions[page - 1] ?? card.emptyText, discordLimits.embedDescription),
      color: accentColour,
      footer: { text: truncate(footer, discordLimits.embedFooter) },
    },
    page,
    pageCount,
  };
}
