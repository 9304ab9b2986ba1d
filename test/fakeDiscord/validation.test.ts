import { describe, expect, it } from 'vitest';
import { findCommandListProblems } from './commandValidation.js';
import { findAutocompleteProblems, findMessageProblems, isEmptyMessage } from './messageValidation.js';

const EMPTY = { content: '', embeds: [], components: [], attachments: [], flags: 0 };
const button = (customId: string) => ({ type: 2, style: 1, custom_id: customId, label: customId });
const row = (...components: unknown[]) => ({ type: 1, components });

describe('message limits', () => {
  it.each([
    { why: 'plain content', message: { ...EMPTY, content: 'hi' } },
    { why: '2000 characters', message: { ...EMPTY, content: 'x'.repeat(2000) } },
    { why: 'five buttons in a row', message: { ...EMPTY, components: [row(...['a', 'b', 'c', 'd', 'e'].map(button))] } },
    { why: 'a link button without custom id', message: { ...EMPTY, components: [row({ type: 2, style: 5, url: 'https://example.com', label: 'Open' })] } },
    { why: 'components v2 without content', message: { ...EMPTY, flags: 1 << 15, components: [{ type: 10, content: 'text display' }] } },
  ])('accepts $why', ({ message }) => {
    expect(findMessageProblems(message)).toEqual([]);
  });

  it.each([
    { why: 'content over 2000', message: { ...EMPTY, content: 'x'.repeat(2001) }, path: 'content' },
    { why: 'eleven embeds', message: { ...EMPTY, embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, path: 'embeds' },
    { why: 'a long description', message: { ...EMPTY, embeds: [{ description: 'd'.repeat(4097) }] }, path: 'embeds.0.description' },
    { why: 'an empty field value', message: { ...EMPTY, embeds: [{ fields: [{ name: 'n', value: '' }] }] }, path: 'embeds.0.fields.0.value' },
    { why: 'embeds over 6000 characters', message: { ...EMPTY, embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }, path: 'embeds' },
    { why: 'six action rows', message: { ...EMPTY, components: Array.from({ length: 6 }, (_, index) => row(button(`b${index}`))) }, path: 'components' },
    { why: 'six buttons in a row', message: { ...EMPTY, components: [row(...['a', 'b', 'c', 'd', 'e', 'f'].map(button))] }, path: 'components.0.components' },
    { why: 'a select beside a button', message: { ...EMPTY, components: [row(button('a'), { type: 3, custom_id: 's', options: [{ label: 'x', value: 'x' }] })] }, path: 'components.0.components' },
    { why: 'a button without custom id', message: { ...EMPTY, components: [row({ type: 2, style: 1, label: 'A' })] }, path: 'components.0.components.0.custom_id' },
    { why: 'a custom id over 100', message: { ...EMPTY, components: [row(button('c'.repeat(101)))] }, path: 'components.0.components.0.custom_id' },
    { why: 'content with components v2', message: { ...EMPTY, content: 'hi', flags: 1 << 15 }, path: 'content' },
  ])('refuses $why', ({ message, path }) => {
    expect(findMessageProblems(message).map((problem) => problem.path)).toContain(path);
  });

  it.each([
    { message: EMPTY, empty: true },
    { message: { ...EMPTY, content: '   ' }, empty: true },
    { message: { ...EMPTY, attachments: [{}] }, empty: false },
    { message: { ...EMPTY, components: [row(button('a'))] }, empty: false },
  ])('calls $message empty: $empty', ({ message, empty }) => {
    expect(isEmptyMessage(message)).toBe(empty);
  });

  it('limits autocomplete answers to 25 named choices', () => {
    const choices = Array.from({ length: 26 }, (_, index) => ({ name: index === 0 ? '' : `c${index}`, value: index }));

    expect(findAutocompleteProblems(choices).map((problem) => problem.path)).toEqual(['data.choices', 'data.choices.0.name']);
  });
});

describe('command registration rules', () => {
  const command = (overrides: Record<string, unknown>) => ({ name: 'watch', description: 'Watch parties', ...overrides });
  const option = (overrides: Record<string, unknown>) => ({ name: 'episode', description: 'Which one', type: 4, ...overrides });

  it('accepts a command for servers only, guild-installed, with default member permissions', () => {
    expect(findCommandListProblems([command({ contexts: [0], integration_types: [0], default_member_permissions: '32' })])).toEqual([]);
  });

  it('accepts subcommands with required options first', () => {
    const subcommand = { name: 'start', description: 'Start', type: 1, options: [option({ required: true }), option({ name: 'note', type: 3 })] };

    expect(findCommandListProblems([command({ options: [subcommand] })])).toEqual([]);
  });

  it.each([
    { why: 'an upper-case name', commands: [command({ name: 'Watch' })], path: '0.name' },
    { why: 'a name with spaces', commands: [command({ name: 'watch party' })], path: '0.name' },
    { why: 'a missing description', commands: [command({ description: '' })], path: '0.description' },
    { why: 'two commands with one name', commands: [command({}), command({})], path: '1.name' },
    { why: 'a required option after an optional one', commands: [command({ options: [option({}), option({ name: 'b', required: true })] })], path: '0.options.1.required' },
    { why: 'choices with autocomplete', commands: [command({ options: [option({ choices: [{ name: 'one', value: 1 }], autocomplete: true })] })], path: '0.options.0.autocomplete' },
    { why: 'subcommands mixed with options', commands: [command({ options: [{ name: 'start', description: 'Start', type: 1 }, option({})] })], path: '0.options' },
    { why: 'an unknown context', commands: [command({ contexts: [0, 7] })], path: '0.contexts' },
    { why: 'no integration type', commands: [command({ integration_types: [] })], path: '0.integration_types' },
    { why: 'default member permissions as a number', commands: [command({ default_member_permissions: 32 })], path: '0.default_member_permissions' },
  ])('refuses $why', ({ commands, path }) => {
    expect(findCommandListProblems(commands).map((problem) => problem.path)).toContain(path);
  });
});
