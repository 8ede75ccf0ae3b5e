"use client";
/** The team page: members (admins add, change roles, remove) and the signed-in user's personal API tokens. */
import { useState } from "react";

interface MemberRow {
  id: string;
  email: string;
  name: string;
  role: string;
  pending: boolean;
  lastLoginAt: string | null;
}
interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

async function call(url: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const b = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new Error(b?.error?.message ?? `Request failed (${res.status})`);
  return b;
}

const date = (s: string | null) => (s ? new Date(s).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "never");

export function Team({
  me,
  isAdmin,
  initialMembers,
  initialTokens,
}: {
  me: string;
  isAdmin: boolean;
  initialMembers: MemberRow[];
  initialTokens: TokenRow[];
}) {
  const [members, setMembers] = useState(initialMembers);
  const [tokens, setTokens] = useState(initialTokens);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState("member");
  const [password, setPassword] = useState("");
  const [invite, setInvite] = useState<string | null>(null);
  const [newToken, setNewToken] = useState<string | null>(null);
  const [tokenName, setTokenName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const reloadMembers = async () => setMembers((await call("/api/members", "GET")).members);
  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="space-y-8">
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Members</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="members">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-1">Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Last sign-in</th>
                {isAdmin && <th />}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} className="border-t border-slate-200">
                  <td className="py-1.5">
                    {m.name} {m.pending && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">invited</span>}
                  </td>
                  <td>{m.email}</td>
                  <td>
                    {isAdmin && m.id !== me ? (
                      <select
                        aria-label={`Role of ${m.email}`}
                        value={m.role}
                        onChange={(e) =>
                          run(async () => {
                            await call(`/api/members/${m.id}`, "PATCH", { role: e.target.value });
                            await reloadMembers();
                          })
                        }
                        className="rounded border border-slate-300 px-1 py-0.5"
                      >
                        <option value="admin">admin</option>
                        <option value="member">member</option>
                        <option value="viewer">viewer</option>
                      </select>
                    ) : (
                      m.role
                    )}
                  </td>
                  <td>{date(m.lastLoginAt)}</td>
                  {isAdmin && (
                    <td className="text-right">
                      {m.id !== me && (
                        <button
                          type="button"
                          className="text-red-700 hover:underline"
                          onClick={() =>
                            window.confirm(`Remove ${m.email}?`) &&
                            run(async () => {
                              await call(`/api/members/${m.id}`, "DELETE");
                              await reloadMembers();
                            })
                          }
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {isAdmin && (
          <form
            className="grid max-w-3xl grid-cols-1 items-end sm:grid-cols-[1fr_1fr_120px_1fr_auto] gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
            aria-label="Add a member"
            onSubmit={(e) => {
              e.preventDefault();
              run(async () => {
                const r = await call("/api/members", "POST", { email, name: name || undefined, role, password: password || undefined });
                setInvite(r.invite ? r.invite.url : null);
                setEmail("");
                setName("");
                setPassword("");
                await reloadMembers();
              });
            }}
          >
            <label>
              <span className="block text-slate-700">Email</span>
              <input
                required
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                className="w-full rounded border border-slate-300 px-2 py-1"
              />
            </label>
            <label>
              <span className="block text-slate-700">Name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} className="w-full rounded border border-slate-300 px-2 py-1" />
            </label>
            <label>
              <span className="block text-slate-700">Role</span>
              <select value={role} onChange={(e) => setRole(e.target.value)} className="w-full rounded border border-slate-300 px-1 py-1">
                <option value="member">member</option>
                <option value="viewer">viewer</option>
                <option value="admin">admin</option>
              </select>
            </label>
            <label>
              <span className="block text-slate-700">Initial password (empty: invite link)</span>
              <input
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete="new-password"
                className="w-full rounded border border-slate-300 px-2 py-1"
              />
            </label>
            <button type="submit" className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white">
              Add member
            </button>
          </form>
        )}
        {invite && (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm">
            Send this one-use invitation link (valid 7 days): <code data-testid="invite-url">{invite}</code>
          </p>
        )}
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Your API tokens</h2>
        <p className="text-sm text-slate-600">
          For scripts and CI: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts with your role; it is shown once and
          stored only as a hash.
        </p>
        <ul className="text-sm" data-testid="tokens">
          {tokens.map((t) => (
            <li key={t.id} className="flex items-center gap-3 border-t border-slate-200 py-1.5">
              <span className="font-medium">{t.name}</span>
              <code>{t.prefix}…</code>
              <span className="text-slate-600">
                created {date(t.createdAt)}, last used {date(t.lastUsedAt)}
              </span>
              <button
                type="button"
                className="ml-auto text-red-700 hover:underline"
                onClick={() =>
                  run(async () => {
                    await call(`/api/tokens/${t.id}`, "DELETE");
                    setTokens((ts) => ts.filter((x) => x.id !== t.id));
                  })
                }
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
        <form
          className="flex items-end gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            run(async () => {
              const r = await call("/api/tokens", "POST", { name: tokenName });
              setNewToken(r.token);
              setTokenName("");
              setTokens((await call("/api/tokens", "GET")).tokens);
            });
          }}
        >
          <label>
            <span className="block text-slate-700">Token name</span>
            <input
              required
              value={tokenName}
              onChange={(e) => setTokenName(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium">
            Create token
          </button>
        </form>
        {newToken && (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm">
            Copy it now, it will not be shown again: <code data-testid="new-token">{newToken}</code>
          </p>
        )}
      </section>
    </div>
  );
}
