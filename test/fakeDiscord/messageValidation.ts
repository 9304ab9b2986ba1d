import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import { SELECT_MENU_TYPES } from './componentLookup.js';
import type { FieldProblem } from './restErrors.js';

/** Discord's documented message limits, checked so the fake refuses what production would refuse. */

interface MessageLike {
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  flags: number;
}

type Json = Record<string, unknown>;

const EMBED_TEXT_LIMITS: Array<{ path: string; read: (embed: Json) => unknown; max: number }> = [
  { path: 'title', read: (embed) => embed['title'], max: 256 },
  { path: 'description', read: (embed) => embed['description'], max: 4096 },
  { path: 'footer.text', read: (embed) => asObject(embed['footer'])['text'], max: 2048 },
  { path: 'author.name', read: (embed) => asObject(embed['author'])['name'], max: 256 },
];

const FIELD_TEXT_LIMITS = [
  { key: 'name', max: 256 },
  { key: 'value', max: 1024 },
];

const EMBED_TOTAL_CHARACTERS = 6000;

export function isEmptyMessage(message: MessageLike): boolean {
  return message.content.trim() === '' && message.embeds.length === 0 && message.components.length === 0 && message.attachments.length === 0;
}

export function findMessageProblems(message: MessageLike): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (message.content.length > 2000) problems.push({ path: 'content', message: 'Must be 2000 or fewer in length.' });
  if ((message.flags & MessageFlags.IsComponentsV2) !== 0) {
    if (message.content !== '' || message.embeds.length > 0) {
      problems.push({ path: 'content', message: 'The content and embeds fields cannot be used with the IS_COMPONENTS_V2 flag.' });
    }
    return problems;
  }
  problems.push(...findEmbedProblems(message.embeds), ...findComponentProblems(message.components));
  return problems;
}

function findEmbedProblems(embeds: unknown[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (embeds.length > 10) problems.push({ path: 'embeds', message: 'Must be 10 or fewer in length.' });
  let totalCharacters = 0;
  embeds.forEach((rawEmbed, index) => {
    const embed = asObject(rawEmbed);
    for (const limit of EMBED_TEXT_LIMITS) {
      const text = textOf(limit.read(embed));
      totalCharacters += text.length;
      if (text.length > limit.max) problems.push({ path: `embeds.${index}.${limit.path}`, message: `Must be ${limit.max} or fewer in length.` });
    }
    const fields = Array.isArray(embed['fields']) ? embed['fields'] : [];
    if (fields.length > 25) problems.push({ path: `embeds.${index}.fields`, message: 'Must be 25 or fewer in length.' });
    fields.forEach((rawField, fieldIndex) => {
      const field = asObject(rawField);
      for (const limit of FIELD_TEXT_LIMITS) {
        const text = textOf(field[limit.key]);
        totalCharacters += text.length;
        if (text.length > limit.max) {
          problems.push({ path: `embeds.${index}.fields.${fieldIndex}.${limit.key}`, message: `Must be ${limit.max} or fewer in length.` });
        }
        if (text.trim() === '') problems.push({ path: `embeds.${index}.fields.${fieldIndex}.${limit.key}`, message: 'This field is required' });
      }
    });
  });
  if (totalCharacters > EMBED_TOTAL_CHARACTERS) problems.push({ path: 'embeds', message: `Embed size exceeds maximum size of ${EMBED_TOTAL_CHARACTERS}` });
  return problems;
}

function findComponentProblems(rows: unknown[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (rows.length > 5) problems.push({ path: 'components', message: 'Must be 5 or fewer in length.' });
  const seenCustomIds = new Set<string>();
  rows.forEach((rawRow, rowIndex) => {
    const row = asObject(rawRow);
    const rowPath = `components.${rowIndex}`;
    if (row['type'] !== ComponentType.ActionRow) {
      problems.push({ path: `${rowPath}.type`, message: 'Top-level components must be action rows without the IS_COMPONENTS_V2 flag.' });
      return;
    }
    const children = Array.isArray(row['components']) ? row['components'].map(asObject) : [];
    const hasSelect = children.some((child) => SELECT_MENU_TYPES.has(Number(child['type'])));
    if (children.length === 0 || children.length > 5 || (hasSelect && children.length > 1)) {
      problems.push({ path: `${rowPath}.components`, message: 'An action row holds 1 to 5 buttons or exactly one select menu.' });
    }
    children.forEach((child, childIndex) => {
      const childPath = `${rowPath}.components.${childIndex}`;
      problems.push(...findInteractiveComponentProblems(child, childPath));
      const customId = child['custom_id'];
      if (typeof customId === 'string') {
        if (seenCustomIds.has(customId)) problems.push({ path: `${childPath}.custom_id`, message: 'Component custom id cannot be duplicated' });
        seenCustomIds.add(customId);
      }
    });
  });
  return problems;
}

function findInteractiveComponentProblems(component: Json, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const customId = component['custom_id'];
  const isLinkOrPremium = component['style'] === ButtonStyle.Link || component['style'] === ButtonStyle.Premium;
  if (component['type'] === ComponentType.Button && isLinkOrPremium === (typeof customId === 'string')) {
    problems.push({ path: `${path}.custom_id`, message: 'Link and premium buttons have no custom_id; other buttons need one.' });
  }
  if (typeof customId === 'string' && (customId.length === 0 || customId.length > 100)) {
    problems.push({ path: `${path}.custom_id`, message: 'Must be between 1 and 100 in length.' });
  }
  if (textOf(component['label']).length > 80) problems.push({ path: `${path}.label`, message: 'Must be 80 or fewer in length.' });
  if (textOf(component['placeholder']).length > 150) problems.push({ path: `${path}.placeholder`, message: 'Must be 150 or fewer in length.' });
  if (component['type'] === ComponentType.StringSelect) {
    const options = Array.isArray(component['options']) ? component['options'].map(asObject) : [];
    if (options.length === 0 || options.length > 25) problems.push({ path: `${path}.options`, message: 'Must be between 1 and 25 in length.' });
    options.forEach((option, index) => {
      for (const key of ['label', 'value', 'description']) {
        if (textOf(option[key]).length > 100) problems.push({ path: `${path}.options.${index}.${key}`, message: 'Must be 100 or fewer in length.' });
      }
    });
  }
  return problems;
}

/** Autocomplete answers: at most 25 choices, names of 1 to 100 characters. */
export function findAutocompleteProblems(choices: unknown[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (choices.length > 25) problems.push({ path: 'data.choices', message: 'Must be 25 or fewer in length.' });
  choices.forEach((rawChoice, index) => {
    const name = textOf(asObject(rawChoice)['name']);
    if (name.length === 0 || name.length > 100) problems.push({ path: `data.choices.${index}.name`, message: 'Must be between 1 and 100 in length.' });
    const value = asObject(rawChoice)['value'];
    if (typeof value === 'string' && value.length > 100) problems.push({ path: `data.choices.${index}.value`, message: 'Must be 100 or fewer in length.' });
  });
  return problems;
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
