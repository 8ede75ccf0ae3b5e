/** Roles and what they may do. Viewers read; members review, re-run and share; admins also manage accounts. */
export const ROLES = ["admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

export function atLeast(role: string, needed: Role): boolean {
  return (RANK[role as Role] ?? -1) >= RANK[needed];
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
