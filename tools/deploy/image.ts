// `nx run <service>:image` → `node tools/deploy/image.ts <service>`: builds apps/<service>/Dockerfile
// into nhip/<service>:<version of its package.json>. Without a reachable Docker engine it stops
// with one sentence saying so instead of a stack of docker errors (docs/adr/0032).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../infra/config.ts';
import { closureOf } from './workspace.ts';

export interface ImageName {
  readonly repository: string;
  readonly tag: string;
}

/** nhip/<service>:<version>; NHIP_IMAGE_REGISTRY (e.g. registry.example.vn/nhip) replaces `nhip`. */
export function imageOf(service: string, env: NodeJS.ProcessEnv = process.env): ImageName {
  const { service: own } = closureOf(service);
  return { repository: `${env['NHIP_IMAGE_REGISTRY'] ?? 'nhip'}/${service}`, tag: own.version };
}

/** Why no image can be built here, or undefined when `docker info` reaches an engine. */
export function engineProblem(): string | undefined {
  const info = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (info.error) return `the docker command is not installed (${info.error.message})`;
  if (info.status !== 0) {
    const said = info.stderr.trim().split('\n').at(-1) ?? '';
    return `docker info found no engine${said ? ` (${said})` : ''}`;
  }
  return undefined;
}

/** The projection ships the dashboard, whose build reads map outlines kept outside the repository. */
export function buildContexts(service: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (service !== 'projection') return [];
  const vnAdmin = env['NHIP_VN_ADMIN'] ?? path.resolve(repoRoot, '..', 'shared', 'data', 'vn-admin');
  return ['--build-context', `vn-admin=${vnAdmin}`];
}

function main(): number {
  const service = process.argv[2];
  if (!service) {
    process.stderr.write('Usage: node tools/deploy/image.ts <service>\n');
    return 2;
  }
  const { repository, tag } = imageOf(service);
  const problem = engineProblem();
  if (problem) {
    process.stderr.write(
      `✖ Cannot build the image ${repository}:${tag}: ${problem}. Start a Docker engine (or set DOCKER_HOST) and run it again; the Dockerfile is apps/${service}/Dockerfile.\n`,
    );
    return 1;
  }
  const build = spawnSync(
    'docker',
    [
      'build',
      ...buildContexts(service),
      '-f',
      path.join('apps', service, 'Dockerfile'),
      '--build-arg',
      `VERSION=${tag}`,
      '-t',
      `${repository}:${tag}`,
      '.',
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  return build.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
