import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { FakeDiscordState } from './state.js';

const { ViewChannel, SendMessages, Administrator } = PermissionFlagsBits;

describe("a member's permissions in a channel", () => {
  const state = new FakeDiscordState('100000000000000001');
  const guild = state.addGuild({ name: 'Club' });
  const staff = state.addRole(guild.id, { name: 'Staff' });
  const admins = state.addRole(guild.id, { name: 'Admins', permissions: Administrator });
  const member = state.addUser({ username: 'mia' });
  const staffer = state.addUser({ username: 'sol' });
  const admin = state.addUser({ username: 'ada' });
  state.addMember(guild.id, member.id, []);
  state.addMember(guild.id, staffer.id, [staff.id]);
  state.addMember(guild.id, admin.id, [admins.id]);
  const hidden = state.addChannel(guild.id, {
    name: 'staff',
    overwrites: [
      { id: guild.id, type: 'role', allow: 0n, deny: ViewChannel },
      { id: staff.id, type: 'role', allow: ViewChannel, deny: 0n },
    ],
  });
  const readOnly = state.addChannel(guild.id, {
    name: 'news',
    overwrites: [
      { id: guild.id, type: 'role', allow: 0n, deny: SendMessages },
      { id: staffer.id, type: 'member', allow: SendMessages, deny: 0n },
    ],
  });

  it('apply @everyone, then role, then member overwrites', () => {
    expect(state.channelPermissions(hidden.id, member.id)).toBe(0n);
    expect(state.channelPermissions(hidden.id, staffer.id) & ViewChannel).toBe(ViewChannel);
    expect(state.channelPermissions(readOnly.id, member.id) & SendMessages).toBe(0n);
    expect(state.channelPermissions(readOnly.id, staffer.id) & SendMessages).toBe(SendMessages);
  });

  it('are all of them for an administrator, whatever the overwrites', () => {
    expect(state.channelPermissions(hidden.id, admin.id) & (ViewChannel | SendMessages)).toBe(ViewChannel | SendMessages);
  });
});
