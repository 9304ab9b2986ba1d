import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands, components } from '../../commands/index.js';
import { commandShapes } from '../../src/discord/catalog/commandCatalog.js';
import type { CommandShape, OptionDefinition } from '../../src/discord/catalog/commandCatalog.js';
import { optionVariants } from './optionGenerators.js';
import type { OptionValue } from './optionGenerators.js';

/*
 * The zod schemas every option passes before a handler sees it, tested directly with what the fake
 * Discord will not send: values past the registered limits, and text no client would produce.
 */

const world = { channelIds: ['100000000000000001'], roleIds: ['100000000000000002'], userIds: ['100000000000000003'] };
const invisibleOrControl = /[\p{Cc}\p{Cf}]/u;

function schemaOf(shape: CommandShape) {
  const key = [shape.subcommandGroup, shape.subcommand].filter(Boolean).join(' ');
  const schema = shape.command.subcommands[key]?.options;
  if (!schema) throw new Error(`/${shape.key} has no option schema`);
  return schema;
}

/** Options the schema accepts, to change one value at a time. */
function validOptions(shape: CommandShape): Record<string, OptionValue> {
  const valid = optionVariants(shape, world, 30).find((options) => schemaOf(shape).safeParse(options).success);
  if (!valid) throw new Error(`no generated option set for /${shape.key} passes its schema`);
  return valid;
}

const shapes = commandShapes(commands);
const optionsOfType = (types: ApplicationCommandOptionType[]) =>
  shapes.flatMap((shape) =>
    shape.options
      .filter((option) => types.includes(option.type) && !option.choices)
      .map((option) => [`/${shape.key} ${option.name}`, shape, option] as [string, CommandShape, OptionDefinition]),
  );

function parseWith(shape: CommandShape, name: string, value: unknown) {
  return schemaOf(shape).safeParse({ ...validOptions(shape), [name]: value });
}

describe('every command has a schema for every subcommand', () => {
  it.each(shapes.map((shape) => [shape.key, shape] as const))('/%s', (_, shape) => {
    expect(() => validOptions(shape)).not.toThrow();
  });
});

describe('text options', () => {
  it.each(optionsOfType([ApplicationCommandOptionType.String]))('%s refuses 6,001 characters', (_, shape, option) => {
    const parsed = parseWith(shape, option.name, 'x'.repeat(6001));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toContain(option.name);
  });

  it.each(optionsOfType([ApplicationCommandOptionType.String]))('%s lets no control or invisible character through', (_, shape, option) => {
    for (const value of ['Dub\u200Bcrew', 'Dub\u0000crew', 'Dub\u202Ecrew', '\u0007', 'Dub\uFEFF']) {
      const parsed = parseWith(shape, option.name, value);
      if (parsed.success) expect((parsed.data as Record<string, unknown>)[option.name]).not.toMatch(invisibleOrControl);
    }
  });

  it.each(optionsOfType([ApplicationCommandOptionType.String]))('%s refuses text that is only whitespace or invisible', (_, shape, option) => {
    for (const value of ['', '   ', '\u200B\u200D']) expect(parseWith(shape, option.name, value).success).toBe(false);
  });
});

describe('number options', () => {
  it.each(optionsOfType([ApplicationCommandOptionType.Integer]))('%s refuses fractions, infinities, text and values past its limits', (_, shape, option) => {
    const outside = [
      1.5,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      '3',
      ...(option.min_value === undefined ? [] : [option.min_value - 1]),
      ...(option.max_value === undefined ? [] : [option.max_value + 1]),
    ];
    for (const value of outside) expect(parseWith(shape, option.name, value).success, String(value)).toBe(false);
  });
});

describe('id options', () => {
  it.each(optionsOfType([ApplicationCommandOptionType.Channel, ApplicationCommandOptionType.Role, ApplicationCommandOptionType.User]))(
    '%s takes only a Discord id',
    (_, shape, option) => {
      for (const value of ['general', '<#100000000000000001>', '1', '@everyone', '1'.repeat(30)]) {
        expect(parseWith(shape, option.name, value).success, value).toBe(false);
      }
    },
  );
});

describe('custom id arguments', () => {
  it.each(components.map((component) => [component.name, component] as const))('%s refuses arguments no button of the bot carries', (_, component) => {
    for (const parts of [[], [''], ['x'.repeat(200)], ['-1', '-1', '-1', '-1', '-1'], ['1e3', '0x10', '1.5', ' 1 ', 'NaN']]) {
      expect(component.bind(parts), JSON.stringify(parts)).toBeUndefined();
    }
  });
});
