/** Who may use a command or button. */
export type AccessLevel = 'everyone' | 'host' | 'manage-server';

export interface Member {
  /** The member has Manage Server (or Administrator) in this server. */
  canManageServer: boolean;
  roleIds: readonly string[];
}

export interface HostRoles {
  /** The host role of the watch party the action is about. */
  partyHostRoleId: string | null;
  /** The server-wide host role from /settings. */
  serverHostRoleId: string | null;
}

/**
 * Hosts are members with Manage Server, the party's host role, or the server's host role.
 * The host roles are asked for only when they decide, since finding them costs database reads.
 */
export function mayAccess(level: AccessLevel, member: Member, hostRoles: () => HostRoles): boolean {
  if (level === 'everyone' || member.canManageServer) return true;
  if (level === 'manage-server') return false;
  const { partyHostRoleId, serverHostRoleId } = hostRoles();
  return [partyHostRoleId, serverHostRoleId].some((roleId) => roleId !== null && member.roleIds.includes(roleId));
}

export const accessLevelDescriptions: Record<AccessLevel, string> = {
  everyone: 'anyone',
  host: 'hosts: Manage Server, the party host role or the server host role',
  'manage-server': 'members with Manage Server',
};
