import pg from 'pg';

const validName = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Creates a database on the server if it is missing (each service owns one) and returns its URL.
 * Safe when several processes race to create the same one.
 */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!validName.test(name)) {
    throw new Error(`"${name}" is not a valid database name: use lower-case letters, digits and _.`);
  }
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`).catch((error: unknown) => {
        // The loser of a creation race sees duplicate_database or a unique violation: both mean done.
        const code = (error as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The URL with its password masked, for logs and error messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
