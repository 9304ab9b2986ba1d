import { describe, expect, it } from 'vitest';
import { mayAccess } from './permissions.js';
import type { AccessLevel, HostRoles, Member } from './permissions.js';

const noHostRoles = { partyHostRoleId: null, serverHostRoleId: null };
const hostRoles = { partyHostRoleId: 'party-hosts', serverHostRoleId: 'server-hosts' };
const plainMember = { canManageServer: false, roleIds: ['fans'] };
const admin = { canManageServer: true, roleIds: [] };
const partyHost = { canManageServer: false, roleIds: ['party-hosts'] };
const serverHost = { canManageServer: false, roleIds: ['server-hosts'] };

describe('mayAccess', () => {
  it.each<[AccessLevel, Member, HostRoles, boolean]>([
    ['everyone', plainMember, noHostRoles, true],
    ['host', plainMember, hostRoles, false],
    ['host', admin, noHostRoles, true],
    ['host', partyHost, hostRoles, true],
    ['host', serverHost, hostRoles, true],
    ['host', partyHost, noHostRoles, false],
    ['manage-server', partyHost, hostRoles, false],
    ['manage-server', admin, hostRoles, true],
  ])('%s for %o with %o is %s', (level, member, roles, expected) => {
    expect(mayAccess(level, member, () => roles)).toBe(expected);
  });

  it('does not look up host roles when they cannot change the answer', () => {
    const unreachable = () => {
      throw new Error('host roles were looked up');
    };
    expect(mayAccess('everyone', plainMember, unreachable)).toBe(true);
    expect(mayAccess('host', admin, unreachable)).toBe(true);
    expect(mayAccess('manage-server', plainMember, unreachable)).toBe(false);
  });
});
