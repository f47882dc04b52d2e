// Which instance does which work: the partitions each member of a consumer group owns (the group's
// assignment as the broker holds it), and which process holds the outbox relay's leadership lock
// (the PostgreSQL backend holding it, traced to its client's socket and that socket's process).
import fs from 'node:fs';
import kafkajs, { type Admin } from 'kafkajs';
import pg from 'pg';

export interface Member {
  readonly clientHost: string;
  readonly clientId: string;
  /** `topic/partition` */
  readonly partitions: readonly string[];
}

/** The members of a group and their partitions; empty while it rebalances or has no member. */
export async function groupMembers(admin: Admin, group: string): Promise<Member[]> {
  const { groups } = await admin.describeGroups([group]);
  const described = groups[0];
  if (!described || described.state !== 'Stable') return [];
  return described.members.map((m) => {
    const decoded = kafkajs.AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
    const partitions = Object.entries(decoded?.assignment ?? {}).flatMap(([topic, ps]) =>
      ps.map((p) => `${topic}/${p}`),
    );
    return { clientHost: m.clientHost, clientId: m.clientId, partitions: partitions.sort() };
  });
}

/** The client port of the session holding the relay's leadership lock in this database, if any. */
export async function relayLockPort(databaseUrl: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ port: number }>(
      `SELECT a.client_port AS port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()
          AND a.application_name = 'nhip-outbox-relay'`,
    );
    if (rows.length > 1) throw new Error(`${rows.length} relay sessions hold the leadership lock at once.`);
    return rows[0]?.port;
  } finally {
    await client.end();
  }
}

/** Socket inodes of the TCP connections from a local port (IPv4 and IPv6 tables). */
function inodesOfLocalPort(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1]?.split(':').at(-1);
      if (local && Number.parseInt(local, 16) === port && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** Which of these processes owns the socket whose local port is `port`. */
export function processOfPort(port: number, pids: readonly number[]): number | undefined {
  const inodes = inodesOfLocalPort(port);
  return pids.find((pid) => {
    try {
      return fs
        .readdirSync(`/proc/${pid}/fd`)
        .some((fd) =>
          inodes.has(/^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? ''),
        );
    } catch {
      return false; // gone, or not ours to read
    }
  });
}
