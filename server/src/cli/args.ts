// Command-line arguments of cnf-lint: parsed and checked, or a usage error.
import { ENGINE_RULES } from '../linter/engine-rules';
import { RULES } from '../rules/index';
import { RuleLevel } from '../protocol/settings';

/** An output format. */
export type Format = 'stylish' | 'compact' | 'json' | 'sarif';

/** What the command line asks for. */
export interface CliOptions {
  /** Files, directories, and `-` for standard input, as given. */
  paths: string[];
  format: Format;
  fix: boolean;
  /** Rule levels from `--rule id=severity`, later flags winning. */
  rules: Record<string, RuleLevel>;
  config?: string;
  /** Values files over every chart's values.yaml (`--values`, repeatable, later wins). */
  values: string[];
  maxWarnings?: number;
  /** Report errors only (`--quiet`): warnings and information are neither shown nor counted. */
  quiet: boolean;
  help: boolean;
  version: boolean;
}

/** An error that ends the run with a one-line message and an exit status (2: usage, config, input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** The text of `--help`. */
export const USAGE = `Usage: cnf-lint [options] [file | directory | -]...

Lints Kubernetes manifests of Cloud-native Network Functions against the gaps of Anuket RA2.
Directories are searched for *.yaml and *.yml files and Helm chart templates (node_modules and .git
are skipped); a chart's templates are linted in place with its values.yaml; - reads standard input.

Options:
  --format stylish|compact|json|sarif
                               Output format (default: stylish; compact: one file:line:col line per finding)
  --fix                        Apply the preferred fixes and write the files, then report what remains
                               (with -, print the fixed text instead of a report)
  --rule id=severity           Set a rule to off, error, warning or info (repeatable)
  --config file                Use this configuration file instead of the nearest .cnf-lint.yaml
  --values file                A Helm values file over the charts' values.yaml (repeatable, later wins,
                               like helm -f)
  --max-warnings N             Exit with status 1 when there are more than N warnings
  --help                       Show this help
  --quiet                      Report errors only
  -V, --version                Show the version

Exit status: 0 no error finding, 1 error findings (or too many warnings), 2 usage, configuration
or input error.
`;

const FORMATS: readonly Format[] = ['stylish', 'compact', 'json', 'sarif'];
const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info'];
const WITH_VALUE = new Set(['--format', '--rule', '--config', '--values', '--max-warnings']);

/** Parses the arguments after `node cli.js`. Throws CliError on a usage error. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { paths: [], format: 'stylish', fix: false, rules: {}, values: [], quiet: false, help: false, version: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    let value: string | undefined = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    if (WITH_VALUE.has(name)) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new CliError(`option ${name} needs a value`);
        value = argv[++i];
      }
      applyValue(options, name, value);
      continue;
    }
    if (value !== undefined) throw new CliError(`option ${name} takes no value`);
    if (name === '--fix') options.fix = true;
    else if (name === '--help' || name === '-h') options.help = true;
    else if (name === '--version' || name === '-v' || name === '-V') options.version = true;
    else if (name === '--quiet' || name === '-q') options.quiet = true;
    else throw new CliError(`unknown option ${name} (see --help)`);
  }
  if (options.help || options.version) return options;
  if (options.paths.length === 0) throw new CliError('no input: give files, directories, or - for standard input (see --help)');
  if (options.fix && options.paths.includes('-') && options.paths.some((p) => p !== '-')) {
    throw new CliError('--fix with - (standard input) takes no other paths: the fixed text is printed');
  }
  return options;
}

function applyValue(options: CliOptions, name: string, value: string): void {
  switch (name) {
    case '--format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new CliError(`unknown format "${value}": use ${FORMATS.join(', ')}`);
      options.format = value as Format;
      return;
    case '--rule': {
      const [id, level, ...rest] = value.split('=').map((s) => s.trim());
      if (level === undefined || rest.length > 0 || !id) throw new CliError(`--rule takes id=severity, got "${value}"`);
      if (!isRuleId(id)) throw new CliError(`unknown rule id "${id}" in --rule`);
      if (!(LEVELS as readonly string[]).includes(level)) throw new CliError(`bad severity "${level}" for ${id} in --rule: use ${LEVELS.join(', ')}`);
      options.rules[id] = level as RuleLevel;
      return;
    }
    case '--config':
      if (!value) throw new CliError('option --config needs a file');
      options.config = value;
      return;
    case '--values':
      if (!value) throw new CliError('option --values needs a file');
      options.values.push(value);
      return;
    case '--max-warnings':
      if (!/^\d+$/.test(value)) throw new CliError(`--max-warnings takes a whole number, got "${value}"`);
      options.maxWarnings = Number(value);
      return;
  }
}

/** True for the id of a lint rule or of one of the engine's own findings. */
function isRuleId(id: string): boolean {
  return RULES.some((r) => r.meta.id === id) || ENGINE_RULES.some((r) => r.id === id);
}
