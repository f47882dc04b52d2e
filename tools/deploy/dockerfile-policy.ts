// What every service's Dockerfile must do beyond being valid (docs/adr/0032): several stages, the
// Node version the workspace runs on, the service's own build and entry point, one port used
// consistently, and a last stage that does not run as root. Each finding is one sentence.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { serviceEntry } from '@nhip/telemetry/node-flags';

/** Every optional rule of the linter raised to an error. */
export const strictLint: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

/** The linter's findings (dockerfile-utils, the validator behind editors' Dockerfile support). */
export function lint(content: string): string[] {
  return validate(content, strictLint).map(
    (d) => `line ${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`,
  );
}

export interface Expectations {
  readonly service: string;
  readonly nodeVersion: string;
  /** The port the service listens on by default (its config), when known. */
  readonly port?: number;
}

const args = (i: Instruction): string[] => i.getArguments().map((a) => a.getValue());

function lastStage(instructions: readonly Instruction[]): Instruction[] {
  const from = instructions.map((i) => i.getKeyword()).lastIndexOf('FROM');
  return instructions.slice(from);
}

function portFindings(text: string, stage: Instruction[], expected: Expectations): string[] {
  const exposed = stage
    .filter((i) => i.getKeyword() === 'EXPOSE')
    .flatMap(args)
    .map(Number);
  const env = new RegExp(`${expected.service.toUpperCase()}_PORT=(\\d+)`).exec(text)?.[1];
  const probe = /127\.0\.0\.1:(\d+)\/health\/live/.exec(text)?.[1];
  const ports = new Set([...exposed, Number(env), Number(probe)]);
  if (exposed.length !== 1 || ports.size !== 1)
    return [
      `EXPOSE, ${expected.service.toUpperCase()}_PORT and the health check name different ports (${[...ports].join(', ')}).`,
    ];
  if (expected.port !== undefined && !ports.has(expected.port))
    return [`The image exposes ${[...ports].join()} but the service listens on ${expected.port} by default.`];
  return [];
}

function baseFindings(text: string, instructions: readonly Instruction[], expected: Expectations): string[] {
  const froms = instructions.filter((i) => i.getKeyword() === 'FROM');
  const findings: string[] = [];
  if (froms.length < 2) findings.push('One stage only: build in one stage, ship from another.');
  if (!new RegExp(`^ARG NODE_VERSION=${expected.nodeVersion.replaceAll('.', '\\.')}$`, 'm').test(text))
    findings.push(`The Node version is not ${expected.nodeVersion}, the one the workspace runs on.`);
  if (froms.some((f) => !args(f)[0]?.startsWith('node:${NODE_VERSION}')))
    findings.push('Every stage starts from node:${NODE_VERSION}-…, so one line sets the version.');
  return findings;
}

export function policyFindings(text: string, expected: Expectations): string[] {
  const instructions = DockerfileParser.parse(text).getInstructions();
  const stage = lastStage(instructions);
  const findings = baseFindings(text, instructions, expected);
  const user = stage.filter((i) => i.getKeyword() === 'USER').at(-1);
  if (!user || ['root', '0'].includes(args(user)[0] ?? '')) findings.push('The last stage runs as root.');
  if (!text.includes(`node tools/deploy/assemble.ts ${expected.service} `))
    findings.push(`The build does not assemble ${expected.service}'s own files.`);
  const cmd = stage.find((i) => i.getKeyword() === 'CMD');
  const entry = serviceEntry(expected.service);
  if (!cmd || !args(cmd).join(' ').includes(entry)) findings.push(`CMD does not start ${entry}.`);
  return [...findings, ...portFindings(text, stage, expected)];
}
