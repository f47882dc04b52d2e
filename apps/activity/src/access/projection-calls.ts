// The projection in the access walk: its views take a period or an indicator like the KPI service's,
// and its stream never ends by itself, so the walk reads the first frame (the snapshot, or the
// refusal) and hangs up, or keeps a stream open and reads what it carried.
/**
 * When the walk's reports happened: two hours before it started. Its views and streams ask for the
 * Vietnamese year those reports count in, not today's: from 00:00 to 02:00 on New Year's day the two
 * differ, and a stream of the new year would never carry the walk's changes.
 */
export const reportedAt = new Date(Date.now() - 7_200_000).toISOString();
export const year = new Date(Date.parse(reportedAt) + 7 * 3_600_000).toISOString().slice(0, 4);

/** The query a projection route needs to be answered: the stream's scope, a series' indicator. */
export function projectionQuery(route: string, unit: string | undefined): string {
  if (route === '/api/stream') return `?scope=${unit ?? ''}&period=${year}`;
  if (route.startsWith('/api/') && route.endsWith('/series'))
    return `?indicator=vneid_vs_target&grain=year&from=${year}&to=${year}`;
  return '';
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export interface Watched {
  readonly status: number;
  /** Everything the stream carried so far. */
  text(): string;
  close(): void;
}

export async function watch(url: string, token: string | undefined): Promise<Watched> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  let text = '';
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    for await (const chunk of response.body) text += decoder.decode(chunk as Uint8Array, { stream: true });
  })().catch(() => undefined);
  void reading;
  return { status: response.status, text: () => text, close: () => abort.abort() };
}

/** The stream's first frame (or its refusal's body), then hang up. */
export async function firstFrame(url: string, token: string | undefined): Promise<Answer> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (!response.ok || !response.body)
    return { status: response.status, headers: response.headers, body: await response.text() };
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    text += decoder.decode(chunk as Uint8Array, { stream: true });
    if (text.includes('\n\n')) break;
  }
  abort.abort();
  return { status: response.status, headers: response.headers, body: text.slice(0, text.indexOf('\n\n')) };
}
