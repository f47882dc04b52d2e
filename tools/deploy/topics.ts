// The topics each service asks for at start (`topicsOf` / `ensureTopics` in apps/<service>/src/main.ts),
// read from the source so the KafkaTopic manifests cannot drift from them (docs/adr/0032).
import fs from 'node:fs';
import path from 'node:path';
import { partnerTopics, publicTopics } from '@nhip/contracts';
import { repoRoot } from '../infra/config.ts';
import { sourceFiles } from './undeclared.ts';

const declared = { publicTopics, partnerTopics } as Record<string, Record<string, string>>;
// `{ name: publicTopics.activity, partitions: 12 }`, `${topicPrefix}${…}` and `${…}.dlt` forms.
const entry =
  /name:\s*`?(?:\$\{topicPrefix\})?(?:\$\{)?(publicTopics|partnerTopics)\.(\w+)\}?(\.dlt)?`?,\s*partitions:\s*(\d+)/g;

export interface TopicAsked {
  readonly topic: string;
  readonly partitions: number;
  readonly service: string;
}

export function topicsAskedFor(service: string, root = repoRoot): TopicAsked[] {
  const main = path.join(root, 'apps', service, 'src', 'main.ts');
  if (!fs.existsSync(main)) return [];
  const source = fs.readFileSync(main, 'utf8');
  const asked = [...source.matchAll(entry)].map(([, table = '', key = '', dlt = '', partitions]) => {
    const topic = declared[table]?.[key];
    if (!topic) throw new Error(`${main}: ${table}.${key} is no topic of @nhip/contracts.`);
    return { topic: `${topic}${dlt}`, partitions: Number(partitions), service };
  });
  const mentioned = source.match(/partitions:\s*\d+/g)?.length ?? 0;
  if (mentioned !== asked.length)
    throw new Error(
      `${main}: ${mentioned} partition counts, ${asked.length} understood; extend tools/deploy/topics.ts.`,
    );
  return asked;
}

// `@EventPattern(publicTopics.registryUnit)`: a topic some consumer group reads.
const pattern = /@EventPattern\((publicTopics|partnerTopics)\.(\w+)\)/g;

/**
 * The dead-letter topic of every topic a consumer reads (its handlers' @EventPattern, in a service
 * or a library one uses): each consumer creates them at start (docs/adr/0005), and a cluster that
 * manages its topics declares them, kept 30 days (docs/adr/0032).
 */
export function deadLetterTopicsRead(root = repoRoot): string[] {
  const roots = ['apps', 'libs'].flatMap((top) =>
    fs.readdirSync(path.join(root, top)).map((project) => path.join(root, top, project, 'src')),
  );
  const read = roots.flatMap(sourceFiles).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(pattern)].map(([, table = '', key = '']) => {
      const topic = declared[table]?.[key];
      if (!topic) throw new Error(`${file}: ${table}.${key} is no topic of @nhip/contracts.`);
      return `${topic}.dlt`;
    }),
  );
  return [...new Set(read)].sort();
}
