// Settings per file for the CLI: defaults < the configuration file (--config or nearest upward) < --rule flags.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ConfigReader } from '../config/config-file';
import { findConfigFile } from '../config/find-config';
import { readConfigFile } from '../config/read-config-file';
import { defaultSettings, mergeSettings, RuleLevel, Settings } from '../protocol/settings';
import { CliError } from './args';

/**
 * Resolves the settings of each file of one run. Each configuration file is read and validated
 * once per run; an invalid one throws CliError with its first problem as `path:line:col: message`.
 */
export class SettingsResolver {
  private readonly reader = new ConfigReader();
  private readonly byConfig = new Map<string, Settings>();
  private readonly configOfDir = new Map<string, string | undefined>();

  /**
   * @param cwd the folder that relative paths and standard input resolve from
   * @param config `--config` as given: when set, no configuration file is looked up
   * @param rules the `--rule` flags
   */
  constructor(
    private readonly cwd: string,
    private readonly config: string | undefined,
    private readonly rules: Record<string, RuleLevel>,
  ) {}

  /** The settings of a file (a path as given), or of standard input when `file` is undefined. */
  settingsFor(file: string | undefined): Settings {
    const configPath = this.config !== undefined ? resolve(this.cwd, this.config) : this.nearestConfig(file ? dirname(resolve(this.cwd, file)) : this.cwd);
    const key = configPath ?? '';
    let settings = this.byConfig.get(key);
    if (!settings) {
      const fromFile = configPath ? this.readConfig(configPath, this.config ?? this.display(configPath)) : undefined;
      settings = mergeSettings(defaultSettings(), fromFile, { rules: this.rules });
      this.byConfig.set(key, settings);
    }
    return settings;
  }

  private nearestConfig(dir: string): string | undefined {
    if (!this.configOfDir.has(dir)) this.configOfDir.set(dir, findConfigFile(dir));
    return this.configOfDir.get(dir);
  }

  private readConfig(path: string, shown: string): Partial<Settings> {
    const read = readConfigFile(path);
    if (!read.ok) throw new CliError(read.missing ? `no such configuration file: ${shown}` : `cannot read configuration file ${shown}: ${read.reason}`);
    const result = this.reader.read(read.text);
    const first = result.problems[0];
    if (first) {
      const pos = result.file.lines.positionAt(first.start);
      throw new CliError(`${shown}:${pos.line + 1}:${pos.character + 1}: ${first.message}`);
    }
    return result.settings;
  }

  /** A path relative to the working folder when it lies inside it, else absolute. */
  private display(path: string): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }
}
