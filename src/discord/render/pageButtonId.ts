import * as z from 'zod';
import { customId } from '../customId.js';

/** Every lookup's Previous / Next buttons: `page:<view>:<page>:<arguments…>`, built and read here only. */
export const pageButtonName = 'page';

const largestPage = 999;

export interface PageTurn {
  view: string;
  page: number;
  parts: string[];
}

export function pageButtonId(view: string, page: number, parts: readonly (string | number)[]): string {
  return customId(pageButtonName, view, page, ...parts);
}

/** Reads a page button's arguments; `isView` says which view names exist. */
export function pageTurnArguments(isView: (view: string) => boolean) {
  return z
    .tuple([z.string().refine(isView), z.string().regex(/^\d{1,3}$/)], z.string())
    .transform(([view, page, ...parts]): PageTurn => ({ view, page: Number(page), parts }))
    .refine((turn) => turn.page >= 1 && turn.page <= largestPage);
}
