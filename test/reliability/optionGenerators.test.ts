import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { seededRandom } from '../../src/domain/trivia/index.js';
import { commandShapes } from '../../src/discord/catalog/commandCatalog.js';
import type { OptionDefinition } from '../../src/discord/catalog/commandCatalog.js';
import { candidateValues, examplesFromDescription, generateOptions, optionVariants, typedTexts } from './optionGenerators.js';

const world = { channelIds: ['100000000000000001'], roleIds: ['100000000000000002'], userIds: ['100000000000000003'] };
const shapes = commandShapes(commands);
const everyOption = shapes.flatMap((shape) => shape.options.map((option) => [`${shape.key} ${option.name}`, option] as const));

function option(fields: Partial<OptionDefinition>): OptionDefinition {
  return { name: 'value', description: 'A value', type: ApplicationCommandOptionType.String, ...fields };
}

/** What Discord itself checks before a bot sees an option value. */
function discordAccepts(definition: OptionDefinition, value: unknown): boolean {
  if (definition.choices) return definition.choices.some((choice) => choice.value === value);
  if (typeof value === 'string') return value.length <= (definition.max_length ?? 6000) && value.length >= (definition.min_length ?? 0);
  if (typeof value === 'number') return value >= (definition.min_value ?? -Number.MAX_SAFE_INTEGER) && value <= (definition.max_value ?? Number.MAX_SAFE_INTEGER);
  return true;
}

describe('candidate values stay within what Discord accepts', () => {
  it.each(everyOption)('%s', (_, definition) => {
    const values = candidateValues(definition, world);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(discordAccepts(definition, value), JSON.stringify(value)).toBe(true);
  });

  it.each([
    [option({ type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 12 }), [1, 12, 2]],
    [option({ type: ApplicationCommandOptionType.Integer }), [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, -1, 0, 25]],
    [option({ choices: [{ name: 'a', value: 'a' }, { name: 'b', value: 'b' }] }), ['a', 'b']],
    [option({ max_length: 5 }), ['*', 'xxxxx', '@here']],
  ])('includes the edges of %j', (definition, expected) => {
    expect(candidateValues(definition, world)).toEqual(expect.arrayContaining<unknown>(expected));
  });

  it('offers the longest string Discord allows, 6,000 characters when the command sets no limit', () => {
    expect(Math.max(...candidateValues(option({}), world).map((value) => String(value).length))).toBe(6000);
  });
});

describe('generated option sets', () => {
  it('are the same for the same seed, and include every required option', () => {
    for (const shape of shapes) {
      const first = generateOptions(shape, world, seededRandom(7));
      expect(generateOptions(shape, world, seededRandom(7))).toEqual(first);
      for (const required of shape.options.filter((definition) => definition.required)) expect(first).toHaveProperty(required.name);
    }
  });

  it('vary each option alone, starting from the first value of every option', () => {
    const trivia = shapes.find((shape) => shape.key === 'trivia start')!;
    const variants = optionVariants(trivia, world, 3);
    expect(variants[0]).toEqual({ questions: 1, seconds: 10, scope: 'all', difficulty: 'any' });
    expect(variants).toContainEqual({ questions: 1, seconds: 10, scope: 'latest', difficulty: 'any' });
    expect(variants).toContainEqual({ seconds: 10, scope: 'all', difficulty: 'any' });
  });

  it('type into autocomplete boxes: nothing, starts of valid values and hostile text, within 100 characters', () => {
    const texts = typedTexts(option({ description: 'Time zone, e.g. Europe/London (default: the server’s)' }), world);
    expect(texts).toEqual(expect.arrayContaining(['', 'Eur', 'Europe/London', '@everyone']));
    expect(Math.max(...texts.map((text) => text.length))).toBeLessThanOrEqual(100);
  });
});

describe('examples read from a description', () => {
  it.each([
    ['Time zone, e.g. Europe/London (default: the server’s)', ['Europe/London']],
    ['When: 2026-06-01 20:00, tomorrow 20:00, saturday 8pm, in 90 minutes', ['2026-06-01 20:00', 'tomorrow 20:00', 'saturday 8pm', 'in 90 minutes']],
    ['Words to look for, e.g. mask or Eddie', ['mask', 'Eddie']],
    ['Which party', []],
  ])('%s', (description, expected) => {
    expect(examplesFromDescription(description)).toEqual(expected);
  });
});
