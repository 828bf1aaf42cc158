// Metadata of the engine's own findings: files it cannot lint and YAML it cannot parse.
import { RuleMeta } from './types';

/** YAML that does not parse, at the parser's position; the file's other documents are still linted. */
export const YAML_SYNTAX: RuleMeta = {
  id: 'yaml-syntax',
  title: 'YAML syntax error',
  gap: 0,
  requirements: [],
  defaultSeverity: 'error',
  confidence: 'clear-cut',
  appliesTo: 'every document of a YAML file',
  rationale:
    'A document that does not parse cannot be applied to a cluster, and cnf-lint cannot check it. The other documents of the file are still linted.',
  messages: { syntax: '{{message}}' },
  fixes: {},
};

/** A file cnf-lint does not lint: a template, binary data, or larger than `maxFileSize`. */
export const FILE_NOT_LINTED: RuleMeta = {
  id: 'file-not-linted',
  title: 'File not linted',
  gap: 0,
  requirements: [],
  defaultSeverity: 'info',
  confidence: 'clear-cut',
  appliesTo: 'whole files',
  rationale:
    'Helm and Go templates are not YAML until rendered, binary files are not YAML at all, and very large files are skipped to keep the editor responsive. Lint the rendered output instead (`helm template . | cnf-lint -`).',
  messages: {
    template: 'This file contains template markers ({{ }}): it is a template, not a manifest. Lint its rendered output instead, e.g. `helm template . | cnf-lint -`.',
    binary: 'This file is binary or not valid UTF-8: not linted.',
    tooLarge: 'This file is {{size}} bytes, over the cnfLint.maxFileSize limit of {{limit}} bytes: not linted.',
  },
  fixes: {},
};

/** A `.cnf-lint.yaml` that does not match its schema: reported at the offending key. */
export const CONFIG_INVALID: RuleMeta = {
  id: 'config-invalid',
  title: 'Invalid cnf-lint configuration',
  gap: 0,
  requirements: [],
  defaultSeverity: 'error',
  confidence: 'clear-cut',
  appliesTo: 'the `.cnf-lint.yaml` configuration file',
  rationale:
    'A configuration that cnf-lint cannot read is never replaced by silent defaults: the offending key is reported, and the CLI exits with status 2.',
  messages: { invalid: '{{message}}' },
  fixes: {},
};

/** The engine's own ids, which settings and suppressions accept like rule ids. */
export const ENGINE_RULES: readonly RuleMeta[] = [YAML_SYNTAX, FILE_NOT_LINTED, CONFIG_INVALID];
