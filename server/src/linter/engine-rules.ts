// Metadata of the engine's own findings: files it cannot lint, YAML it cannot parse or reads as kubectl does.
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
    'A document that does not parse cannot be applied to a cluster, and cnf-lint cannot check it. The other documents of the file are still linted. A key set twice in one map is reported too: the YAML spec forbids it and most tools reject it, while kubectl keeps the later value without a word, so an edit to the earlier one never takes effect; cnf-lint lints the document with the later value, as kubectl applies it.',
  messages: {
    syntax: '{{message}}',
    repeatedKey: '{{key}} is set twice in this map: the YAML spec forbids it, and kubectl silently applies only the later value',
    missingSeparator:
      '{{key}} is set twice at the top of this document: a `---` line is probably missing before the second object, and kubectl would apply one object with the later values',
  },
  fixes: { insertSeparator: 'Insert `---` before the second object' },
};

/** A quoted scalar whose continuation lines sit at or below its key: kubectl reads it, the YAML spec does not. */
export const YAML_NOT_PORTABLE: RuleMeta = {
  id: 'yaml-not-portable',
  title: 'Quoted string that only kubectl reads',
  gap: 0,
  requirements: [],
  defaultSeverity: 'info',
  confidence: 'clear-cut',
  appliesTo: 'quoted strings written over several lines',
  rationale:
    "The SR-IOV and Multus documentation write a NetworkAttachmentDefinition's CNI config as a quoted JSON string whose lines drop back to the key's indentation or to column 0. Go's YAML parser (kubectl, Helm, client-go) reads it; the YAML 1.2 spec, most YAML libraries and editors (the Red Hat YAML extension among them) reject it. cnf-lint reads it as kubectl does and lints the file; indenting the continuation lines makes it portable without changing the value.",
  messages: {
    notPortable:
      'This quoted string continues on lines indented at or below its key: kubectl reads it, but the YAML spec, the `yaml` package and the Red Hat YAML extension reject it. Indent its continuation lines.',
  },
  fixes: { indent: 'Indent the continuation lines (the value does not change)', block: 'Write the JSON as a `|` block' },
  links: [{ title: 'YAML 1.2: flow scalar line folding', url: 'https://yaml.org/spec/1.2.2/#73-flow-scalar-styles' }],
};

/** A file cnf-lint does not lint: a template it cannot follow, binary data, or larger than `maxFileSize`. */
export const FILE_NOT_LINTED: RuleMeta = {
  id: 'file-not-linted',
  title: 'File not linted',
  gap: 0,
  requirements: [],
  defaultSeverity: 'info',
  confidence: 'clear-cut',
  appliesTo: 'whole files',
  rationale:
    "Helm templates and other templates are linted in place, with what cannot be evaluated left unknown; a template whose rendered text does not parse as YAML cannot be linted, and the finding names the construct it could not follow. Binary files are not YAML at all, and very large files are skipped to keep the editor responsive.",
  messages: {
    templateNotFollowed: 'This template is not linted: {{construct}}.',
    packagedSubchart: 'The subchart {{file}} is packaged: cnf-lint does not read inside archives, so its templates are not linted. Unpack it into charts/ to lint them.',
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

/** What cnf-lint could not check: a rule that failed, or a limit reached. One finding, never silence. */
export const INTERNAL_ERROR: RuleMeta = {
  id: 'internal-error',
  title: 'cnf-lint could not check everything',
  gap: 0,
  requirements: [],
  defaultSeverity: 'info',
  confidence: 'clear-cut',
  appliesTo: 'every document',
  rationale:
    'When a rule fails on a document (a bug in cnf-lint), or a document goes beyond one of the limits that keep cnf-lint fast on any input (documents per file, findings per document, merge-key chains), cnf-lint says so with this finding instead of staying silent. The findings of the other rules and documents are still reported, but this document may have problems cnf-lint did not see. Please report a failing rule with the document that makes it fail.',
  messages: {
    ruleFailed: 'Rule {{rule}} failed on this document ({{error}}): its findings here are missing, the other rules still ran. This is a bug in cnf-lint: please report it with this document.',
    documentFailed: 'cnf-lint failed on this document ({{error}}): it is not checked, the other documents of the file are. This is a bug in cnf-lint: please report it with this document.',
    tooManyFindings: 'This document has more than {{limit}} findings: the rest are not reported.',
    tooManyDocuments: 'This file has more than {{limit}} YAML documents: from here on it is not read, and not checked.',
    mergeTooDeep: 'Merge keys (`<<`) chain more than {{limit}} maps deep here: keys merged from further along the chain are not read, and not checked.',
  },
  fixes: {},
};

/** The engine's own ids, which settings and suppressions accept like rule ids. */
export const ENGINE_RULES: readonly RuleMeta[] = [YAML_SYNTAX, YAML_NOT_PORTABLE, FILE_NOT_LINTED, CONFIG_INVALID, INTERNAL_ERROR];
