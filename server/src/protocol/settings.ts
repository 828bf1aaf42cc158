// The settings every rule, the server and the CLI read: one type, one set of defaults.

/** A severity a user can give a rule; `off` disables it. */
export type RuleLevel = 'off' | 'error' | 'warning' | 'info';

/** Which RA2 profile a workload is checked against. */
export type Profile = 'auto' | 'basic' | 'high-performance';

/** Settings for one resource (file), after merging editor settings and `.cnf-lint.yaml`. */
export interface Settings {
  enable: boolean;
  rules: Record<string, RuleLevel>;
  kubernetesVersion: string;
  profile: Profile;
  maxFileSize: number;
  defaultNamespace: string;
  networkResourcesInjector: boolean;
  multus: { namespaceIsolation: boolean; globalNamespaces: string[] };
  /** Helm: values files over a chart's values.yaml, as globs relative to the chart (later wins). */
  helm: { valuesFiles: string[] };
  /** Namespaces (globs) of the platform's own infrastructure: not tenants, so gap-1 rules stay silent there. */
  infrastructureNamespaces: string[];
}

/** The largest `maxFileSize` taken (64 MiB): a larger value, `1e308` or Infinity, is capped to it. */
export const MAX_FILE_SIZE_CAP = 64 * 1024 * 1024;

/** The defaults, as `contributes.configuration` in package.json declares them. */
export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  kubernetesVersion: '1.33',
  profile: 'auto',
  maxFileSize: 5 * 1024 * 1024,
  defaultNamespace: 'default',
  networkResourcesInjector: false,
  multus: { namespaceIsolation: false, globalNamespaces: [] },
  helm: { valuesFiles: [] },
  infrastructureNamespaces: ['kube-system', 'kube-public', 'kube-node-lease', 'openshift-*'],
};

/** A fresh copy of the defaults, safe to mutate. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, rules: {}, multus: { ...DEFAULT_SETTINGS.multus, globalNamespaces: [] }, helm: { valuesFiles: [] }, infrastructureNamespaces: [...DEFAULT_SETTINGS.infrastructureNamespaces] };
}

/**
 * Layers partial settings over a base: later layers win key by key; `rules`, `multus` and `helm` merge
 * entry by entry. Values of the wrong type are ignored here (validation reports them elsewhere).
 */
export function mergeSettings(base: Settings, ...layers: Array<Partial<Settings> | undefined>): Settings {
  const out: Settings = { ...base, rules: { ...base.rules }, multus: { ...base.multus }, helm: { ...base.helm } };
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    if (typeof layer.enable === 'boolean') out.enable = layer.enable;
    if (typeof layer.kubernetesVersion === 'string') out.kubernetesVersion = layer.kubernetesVersion;
    if (layer.profile === 'auto' || layer.profile === 'basic' || layer.profile === 'high-performance') out.profile = layer.profile;
    if (typeof layer.maxFileSize === 'number' && layer.maxFileSize > 0) out.maxFileSize = Math.min(layer.maxFileSize, MAX_FILE_SIZE_CAP);
    if (typeof layer.defaultNamespace === 'string' && layer.defaultNamespace) out.defaultNamespace = layer.defaultNamespace;
    if (typeof layer.networkResourcesInjector === 'boolean') out.networkResourcesInjector = layer.networkResourcesInjector;
    if (Array.isArray(layer.infrastructureNamespaces)) out.infrastructureNamespaces = layer.infrastructureNamespaces.filter((s) => typeof s === 'string');
    if (layer.rules && typeof layer.rules === 'object') {
      for (const [id, level] of Object.entries(layer.rules)) {
        if (level === 'off' || level === 'error' || level === 'warning' || level === 'info') out.rules[id] = level;
      }
    }
    const m = layer.multus as Partial<Settings['multus']> | undefined;
    if (m && typeof m === 'object') {
      if (typeof m.namespaceIsolation === 'boolean') out.multus.namespaceIsolation = m.namespaceIsolation;
      if (Array.isArray(m.globalNamespaces)) out.multus.globalNamespaces = m.globalNamespaces.filter((s) => typeof s === 'string');
    }
    const h = layer.helm as Partial<Settings['helm']> | undefined;
    if (h && typeof h === 'object' && Array.isArray(h.valuesFiles)) out.helm.valuesFiles = h.valuesFiles.filter((s) => typeof s === 'string');
  }
  return out;
}

/** Compares two "major.minor" Kubernetes versions; returns <0, 0 or >0. Unparsable counts as 0.0. */
export function compareKubeVersion(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v?(\d+)\.(\d+)/.exec(v.trim());
    return m ? [Number(m[1]), Number(m[2])] : [0, 0];
  };
  const [am, an] = parse(a);
  const [bm, bn] = parse(b);
  return am !== bm ? am - bm : an - bn;
}
