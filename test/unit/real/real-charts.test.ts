// Regression set of real public Helm charts (test/fixtures/charts/, sources and licenses in SOURCES.md): how much of each
// chart evaluates, and every finding, each with the reason it is right, linted as `cnf-lint <chart>` lints them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { ChartLoader } from '../../../server/src/helm/chart';
import { diskChartFiles } from '../../../server/src/helm/disk-files';
import { lintSource, readSource } from '../../../server/src/linter/lint-source';
import { LineIndex } from '../../../server/src/manifest/line-index';
import { defaultSettings } from '../../../server/src/protocol/settings';
import { RULES } from '../../../server/src/rules/index';
import { updateEntry } from '../../../server/src/workspace/index-entry';
import { WorkspaceIndex } from '../../../server/src/workspace/workspace-index';

const DIR = join('test', 'fixtures', 'charts');
const USERNS = 'user-namespace-not-enabled/';

/** Per chart: templates that render fully / with unknown parts / not at all, and every finding with why it is right. */
const EXPECTED: Record<string, { full: number; partial: number; notFollowed: number; findings: Array<[string, string]> }> = {
  '5g-charts--open5gs-upf': {
    full: 4,
    partial: 6,
    notFollowed: 0,
    findings: [['templates/deployment.yaml 75:13-75:29 privileged-container/privileged', 'privileged: true written in the template; the missing Bitnami common helpers leave the rest unknown, which silences every non-local finding']],
  },
  'helm-charts--multus': {
    full: 6,
    partial: 0,
    notFollowed: 0,
    findings: [
      ['templates/daemonSet.yaml 39:7-39:24 host-namespace-sharing/hostNetwork', 'the Multus daemon runs on the host network (infrastructure: true, and reported)'],
      ['templates/daemonSet.yaml 70:11-70:27 privileged-container/privileged', 'the Multus daemon container is privileged'],
    ],
  },
  'kubevirt-stack-charts--kubevirt': {
    full: 8,
    partial: 0,
    notFollowed: 0,
    findings: [
      ['templates/deployment.yaml 23:5-23:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace (KubeVirt is platform infrastructure: listing its namespace in infrastructureNamespaces silences it)'],
      ['templates/deployment.yaml 23:5-23:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false (KubeVirt is platform infrastructure: listing its namespace in infrastructureNamespaces silences it)'],
      [`templates/deployment.yaml 23:5-23:9 ${USERNS}notEnabled`, 'the operator pod sets runAsNonRoot and no hostUsers: false (information)'],
      ['templates/namespace.yaml 5:1-5:9 namespace-tenant-guardrails-missing/missing', 'the chart\'s Namespace has no Pod Security enforce label, ResourceQuota or LimitRange (KubeVirt is platform infrastructure: listing its namespace in infrastructureNamespaces silences it)'],
    ],
  },
  'kubevirt-stack-charts--vm-templates': { full: 2, partial: 0, notFollowed: 0, findings: [] },
  'sriov-network-operator--sriov-network-operator-chart': {
    full: 11,
    partial: 0,
    notFollowed: 0,
    findings: [
      ['templates/operator.yaml 20:5-20:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace (the SR-IOV operator is platform infrastructure: a platform team lists its release namespace in infrastructureNamespaces and the finding goes)'],
      ['templates/operator.yaml 20:5-20:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false (the SR-IOV operator is platform infrastructure: a platform team lists its release namespace in infrastructureNamespaces and the finding goes)'],
      [`templates/operator.yaml 20:5-20:9 ${USERNS}notEnabled`, 'the operator pod has no hostUsers: false'],
      ['templates/pre-delete-webooks.yaml 15:5-15:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace (the SR-IOV operator is platform infrastructure: a platform team lists its release namespace in infrastructureNamespaces and the finding goes)'],
      ['templates/pre-delete-webooks.yaml 15:5-15:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false (the SR-IOV operator is platform infrastructure: a platform team lists its release namespace in infrastructureNamespaces and the finding goes)'],
      [`templates/pre-delete-webooks.yaml 15:5-15:9 ${USERNS}notEnabled`, 'the pre-delete hook pod has no hostUsers: false'],
    ],
  },
  'testsuite--ip-forwarder-vpp': {
    full: 3,
    partial: 0,
    notFollowed: 0,
    findings: [
      ['templates/bridge.yaml 6:11-12:5 yaml-not-portable/notPortable', "the NAD config's closing }' sits at the key's indentation"],
      ['templates/deployment.yaml 17:38-17:50 secondary-network-policy-missing/missing', 'attaches ipfwd-bridge (the chart NAD, release namespace) with no MultiNetworkPolicy'],
      ['templates/deployment.yaml 18:5-18:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['templates/deployment.yaml 18:5-18:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`templates/deployment.yaml 18:5-18:9 ${USERNS}mayRunAsRoot`, 'containers from range over values, privileged, no hostUsers: false'],
      ['templates/deployment.yaml 25:13-25:50 privileged-container/privileged', 'privileged: {{ $.Values.privileged }} with privileged: true in values.yaml (related), in range iteration 1'],
    ],
  },
  'testsuite--sample_privileged_cnf': {
    full: 14,
    partial: 0,
    notFollowed: 0,
    findings: [
      ['templates/deployment.yaml 51:5-51:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['templates/deployment.yaml 51:5-51:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`templates/deployment.yaml 51:5-51:9 ${USERNS}mayRunAsRoot`, 'coredns with a privileged container and no hostUsers: false'],
      ['templates/deployment.yaml 75:11-75:27 privileged-container/privileged', 'privileged: true written in the template'],
    ],
  },
  'towards5gs-helm--free5gc': {
    full: 80,
    partial: 0,
    notFollowed: 0,
    findings: [
      ['charts/free5gc-amf/templates/amf-deployment.yaml 37:23-37:100 secondary-network-policy-missing/missing', 'attaches the N2 NAD of the amf subchart; no MultiNetworkPolicy in the chart'],
      ['charts/free5gc-amf/templates/amf-deployment.yaml 40:15-40:24 multus-annotation-malformed/unknownKey', 'Multus has no "gateway" key (default-route is): the gateway requested is ignored'],
      ['charts/free5gc-amf/templates/amf-deployment.yaml 48:5-48:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-amf/templates/amf-deployment.yaml 48:5-48:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-amf/templates/amf-deployment.yaml 48:5-48:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-amf/templates/tests/test-connection.yaml 22:1-22:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-amf/templates/tests/test-connection.yaml 22:1-22:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-amf/templates/tests/test-connection.yaml 22:1-22:5 ${USERNS}mayRunAsRoot`, 'the helm test pod (busybox wget) has no hostUsers: false'],
      ['charts/free5gc-ausf/templates/ausf-deployment.yaml 40:5-40:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-ausf/templates/ausf-deployment.yaml 40:5-40:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-ausf/templates/ausf-deployment.yaml 40:5-40:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-ausf/templates/tests/test-connection.yaml 22:1-22:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-ausf/templates/tests/test-connection.yaml 22:1-22:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-ausf/templates/tests/test-connection.yaml 22:1-22:5 ${USERNS}mayRunAsRoot`, 'helm test pod'],
      ['charts/free5gc-dbpython/templates/dbpython-deployment.yaml 37:5-37:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-dbpython/templates/dbpython-deployment.yaml 37:5-37:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-dbpython/templates/dbpython-deployment.yaml 37:5-37:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 37:23-37:73 secondary-network-policy-missing/missing', 'N2 attachment without a MultiNetworkPolicy'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 40:15-40:24 multus-annotation-malformed/unknownKey', '"gateway" is not a Multus key'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 43:23-43:73 secondary-network-policy-missing/missing', 'N3 attachment without a MultiNetworkPolicy'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 43:23-43:73 vrf-separation-missing/defaultRoutes', 'the N2 and N3 NADs (static IPAM) both route 0.0.0.0/0 and no attachment asks for default-route ("gateway" is ignored), so Multus keeps both in the main table'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 46:15-46:24 multus-annotation-malformed/unknownKey', '"gateway" is not a Multus key'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 49:23-49:52 secondary-network-policy-missing/missing', 'IKE attachment without a MultiNetworkPolicy'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 49:23-49:52 vrf-separation-missing/defaultRoutes', 'the IKE NAD routes 0.0.0.0/0 too, like N2: a third default route in the same table'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 52:15-52:24 multus-annotation-malformed/unknownKey', '"gateway" is not a Multus key'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 60:5-60:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 60:5-60:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-n3iwf/templates/n3iwf-deployment.yaml 60:5-60:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-nrf/templates/nrf-deployment.yaml 40:5-40:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-nrf/templates/nrf-deployment.yaml 40:5-40:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-nrf/templates/nrf-deployment.yaml 40:5-40:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-nrf/templates/tests/test-connection.yaml 21:1-21:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-nrf/templates/tests/test-connection.yaml 21:1-21:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-nrf/templates/tests/test-connection.yaml 21:1-21:5 ${USERNS}mayRunAsRoot`, 'helm test pod'],
      ['charts/free5gc-nssf/templates/nssf-deployment.yaml 40:5-40:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-nssf/templates/nssf-deployment.yaml 40:5-40:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-nssf/templates/nssf-deployment.yaml 40:5-40:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-nssf/templates/tests/test-connection.yaml 22:1-22:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-nssf/templates/tests/test-connection.yaml 22:1-22:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-nssf/templates/tests/test-connection.yaml 22:1-22:5 ${USERNS}mayRunAsRoot`, 'helm test pod'],
      ['charts/free5gc-pcf/templates/pcf-deployment.yaml 40:5-40:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-pcf/templates/pcf-deployment.yaml 40:5-40:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-pcf/templates/pcf-deployment.yaml 40:5-40:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-pcf/templates/tests/test-connection.yaml 22:1-22:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-pcf/templates/tests/test-connection.yaml 22:1-22:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-pcf/templates/tests/test-connection.yaml 22:1-22:5 ${USERNS}mayRunAsRoot`, 'helm test pod'],
      ['charts/free5gc-smf/templates/smf-deployment.yaml 37:23-37:100 secondary-network-policy-missing/missing', 'N4 attachment without a MultiNetworkPolicy'],
      ['charts/free5gc-smf/templates/smf-deployment.yaml 40:15-40:24 multus-annotation-malformed/unknownKey', '"gateway" is not a Multus key'],
      ['charts/free5gc-smf/templates/smf-deployment.yaml 48:5-48:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-smf/templates/smf-deployment.yaml 48:5-48:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-smf/templates/smf-deployment.yaml 48:5-48:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-smf/templates/tests/test-connection.yaml 22:1-22:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-smf/templates/tests/test-connection.yaml 22:1-22:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-smf/templates/tests/test-connection.yaml 22:1-22:5 ${USERNS}mayRunAsRoot`, 'helm test pod'],
      ['charts/free5gc-udm/templates/tests/test-connection.yaml 22:1-22:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-udm/templates/tests/test-connection.yaml 22:1-22:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-udm/templates/tests/test-connection.yaml 22:1-22:5 ${USERNS}mayRunAsRoot`, 'helm test pod'],
      ['charts/free5gc-udm/templates/udm-deployment.yaml 40:5-40:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-udm/templates/udm-deployment.yaml 40:5-40:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-udm/templates/udm-deployment.yaml 40:5-40:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-udr/templates/tests/test-connection.yaml 22:1-22:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-udr/templates/tests/test-connection.yaml 22:1-22:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-udr/templates/tests/test-connection.yaml 22:1-22:5 ${USERNS}mayRunAsRoot`, 'helm test pod'],
      ['charts/free5gc-udr/templates/udr-deployment.yaml 40:5-40:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-udr/templates/udr-deployment.yaml 40:5-40:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-udr/templates/udr-deployment.yaml 40:5-40:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 37:23-37:100 secondary-network-policy-missing/missing', 'N3 attachment (its NAD declares the ips capability it asks for) without a MultiNetworkPolicy'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 40:15-40:24 multus-annotation-malformed/unknownKey', '"gateway" is not a Multus key'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 42:23-42:100 secondary-network-policy-missing/missing', 'N6 attachment without a MultiNetworkPolicy'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 42:23-42:100 vrf-separation-missing/defaultRoutes', 'the N3 and N6 NADs both route 0.0.0.0/0 (upf-n3-nad, upf-n6-nad) and "gateway" asks Multus for nothing: two default routes in one table'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 45:15-45:24 multus-annotation-malformed/unknownKey', '"gateway" is not a Multus key'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 47:23-47:100 secondary-network-policy-missing/missing', 'N4 attachment without a MultiNetworkPolicy'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 47:23-47:100 vrf-separation-missing/defaultRoutes', 'the N4 NAD routes 0.0.0.0/0 too (upf-n4-nad)'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 50:15-50:24 multus-annotation-malformed/unknownKey', '"gateway" is not a Multus key'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 58:5-58:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-upf/templates/upf/upf-deployment.yaml 58:5-58:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-upf/templates/upf/upf-deployment.yaml 58:5-58:9 ${USERNS}mayRunAsRoot`, 'the UPF adds NET_ADMIN, no hostUsers: false'],
      ['charts/free5gc-webui/templates/tests/test-connection.yaml 22:1-22:5 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-webui/templates/tests/test-connection.yaml 22:1-22:5 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-webui/templates/tests/test-connection.yaml 22:1-22:5 ${USERNS}mayRunAsRoot`, 'helm test pod'],
      ['charts/free5gc-webui/templates/webui-deployment.yaml 40:5-40:9 network-policy-missing/missing', 'no NetworkPolicy of the chart selects the pod in the release namespace'],
      ['charts/free5gc-webui/templates/webui-deployment.yaml 40:5-40:9 service-account-token-automounted/default', 'neither the pod nor a ServiceAccount of the chart sets automountServiceAccountToken: false'],
      [`charts/free5gc-webui/templates/webui-deployment.yaml 40:5-40:9 ${USERNS}mayRunAsRoot`, 'no runAsNonRoot, no hostUsers: false'],
    ],
  },
};

/** Every file under a folder, in a fixed order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

describe('real charts: evaluation and every finding', () => {
  const charts = readdirSync(DIR).filter((n) => statSync(join(DIR, n)).isDirectory());
  it('every chart of the set has a row, and every row a chart', () => assert.deepEqual(charts, Object.keys(EXPECTED).sort()));
  for (const name of charts) {
    it(name, () => {
      const settings = defaultSettings();
      const loader = new ChartLoader(diskChartFiles());
      const templates = filesUnder(join(DIR, name)).filter((p) => loader.kindOf(p)?.kind === 'template');
      const index = new WorkspaceIndex();
      const counts = { full: 0, partial: 0, notFollowed: 0 };
      for (const path of templates) {
        const text = readFileSync(path, 'utf8');
        const source = readSource(text, settings, { path, charts: loader });
        if (source.notFollowed) counts.notFollowed++;
        else if (source.rendered!.unknowns.length > 0) counts.partial++;
        else counts.full++;
        updateEntry(index, path, { byteLength: text.length, read: () => ({ file: source.file, defaultNamespace: source.settings.defaultNamespace }) }, settings);
      }
      const found: string[] = [];
      for (const path of templates) {
        const text = readFileSync(path, 'utf8');
        const result = lintSource(text, settings, RULES, { path, charts: loader }, { index, uri: path });
        assert.deepEqual(result.ruleErrors, []);
        const lines = new LineIndex(text);
        const at = (o: number) => `${lines.positionAt(o).line + 1}:${lines.positionAt(o).character + 1}`;
        for (const f of result.findings) found.push(`${relative(join(DIR, name), path)} ${at(f.start)}-${at(f.end)} ${f.ruleId}/${f.messageId}`);
      }
      const want = EXPECTED[name];
      assert.deepEqual(counts, { full: want.full, partial: want.partial, notFollowed: want.notFollowed });
      assert.deepEqual(found, want.findings.map(([f]) => f));
    });
  }
});
