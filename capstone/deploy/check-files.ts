// Checks the EKS deployment files as a set: each one parses and is well-formed, and the names that tie them together
// agree (a role ARN in the ServiceAccount that eksctl never creates, an image in a registry the nodes may not pull
// from, a model key the IAM policy does not cover: each of those deploys "fine" and then fails at run time).
//
//   npx tsx capstone/deploy/check-files.ts                                 # the committed files (placeholders)
//   npx tsx capstone/deploy/check-files.ts <rendered capstone dir> <account> <region>   # what deploy-eks.sh renders
//
// deploy-eks.sh runs it on its rendered copy before printing or running any command; deploy.test.ts runs it on the
// committed files.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { parseDocument } from "yaml";
import { evaluateMatrix } from "../../src/aws/iam";
import { checkKustomization, formatFindings, loadKustomization } from "../../src/infra/k8s/index";

/** This folder: eksctl-schema.json lives here (the rendered copy may not have it). */
const HERE = dirname(fileURLToPath(import.meta.url));
export const PLACEHOLDER_ACCOUNT = "123456789012";
export const PLACEHOLDER_REGION = "us-east-1";
/** The registry account of the EKS add-on images (vpc-cni, kube-proxy, coredns) in most commercial regions. */
export const EKS_ADDON_REGISTRY_ACCOUNT = "602401143452";

/** Names every file must agree on (deploy-eks.sh and the release workflow spell them too; deploy.test.ts checks). */
export const NAMES = {
  cluster: "ml-capstone",
  namespace: "capstone",
  serviceAccount: "capstone-api",
  repository: "ml-capstone-api",
  appRole: "ml-capstone-api-model-read",
  pullPolicy: "ml-capstone-ecr-pull",
  readPolicy: "ml-capstone-model-read",
  modelPrefix: "models/capstone/",
} as const;

export interface DeployFiles {
  /** Folder holding cluster.yaml and iam/ (capstone/deploy, or deploy-eks.sh's rendered copy). */
  deployDir: string;
  /** Folder holding base/ and overlays/ (capstone/k8s, or the rendered copy). */
  k8sDir: string;
  account: string;
  region: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Reads a YAML file; a syntax error becomes a problem with its line. */
function readYaml(path: string, problems: string[]): Obj | undefined {
  const doc = parseDocument(readFileSync(path, "utf8"), { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push(`${path}:${e.linePos?.[0]?.line ?? 1}: YAML ${e.code}: ${e.message}`);
    return undefined;
  }
  const v = doc.toJS() as unknown;
  if (!isObj(v)) problems.push(`${path}: not a YAML mapping`);
  return isObj(v) ? v : undefined;
}

/** Checks one IAM policy document's shape and that every ARN in it is in the expected account and region. */
function checkPolicy(path: string, account: string, region: string, problems: string[]): Obj | undefined {
  let policy: unknown;
  try {
    policy = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    problems.push(`${path}: not JSON (${(e as Error).message})`);
    return undefined;
  }
  if (!isObj(policy) || policy.Version !== "2012-10-17" || !Array.isArray(policy.Statement)) {
    problems.push(`${path}: an IAM policy needs "Version": "2012-10-17" and a "Statement" array`);
    return undefined;
  }
  for (const [i, st] of policy.Statement.entries()) {
    const where = `${path} statement ${i + 1}`;
    if (!isObj(st) || (st.Effect !== "Allow" && st.Effect !== "Deny")) {
      problems.push(`${where}: needs "Effect": "Allow" or "Deny"`);
      continue;
    }
    const actions = asArray(st.Action).map(String);
    for (const a of actions)
      if (a === "*" || a.endsWith(":*")) problems.push(`${where}: action "${a}" grants a whole service`);
    for (const r of asArray(st.Resource).map(String)) {
      if (r === "*" && !actions.every((a) => a === "ecr:GetAuthorizationToken"))
        problems.push(`${where}: Resource "*" is only acceptable for ecr:GetAuthorizationToken, which has no resource`);
      const arn = /^arn:aws:([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:/.exec(r);
      if (!arn) continue;
      if (arn[2] && arn[2] !== region) problems.push(`${where}: ${r} is in region ${arn[2]}, not ${region}`);
      if (arn[3] && arn[3] !== account && arn[3] !== EKS_ADDON_REGISTRY_ACCOUNT && arn[3] !== "aws")
        problems.push(`${where}: ${r} is in account ${arn[3]}, not ${account}`);
    }
    if (isObj(st.Principal) && typeof st.Principal.Federated === "string") {
      const fed = st.Principal.Federated;
      if (!fed.startsWith(`arn:aws:iam::${account}:oidc-provider/`))
        problems.push(`${where}: federated principal ${fed} is not an OIDC provider of account ${account}`);
    }
  }
  return policy;
}

/** Every problem found, as a readable line; [] when the set is consistent. */
export async function checkDeployFiles({ deployDir, k8sDir, account, region }: DeployFiles): Promise<string[]> {
  const problems: string[] = [];
  const iamDir = join(deployDir, "iam");
  const policies = new Map<string, Obj>();
  for (const f of readdirSync(iamDir).filter((f) => f.endsWith(".json"))) {
    const p = checkPolicy(join(iamDir, f), account, region, problems);
    if (p) policies.set(f, p);
  }
  for (const needed of [
    "ecr-pull-policy.json",
    "s3-model-read-policy.json",
    "ecr-push-policy.json",
    "github-oidc-trust-policy.json",
  ])
    if (!existsSync(join(iamDir, needed))) problems.push(`${iamDir}/${needed} is missing`);

  // The eksctl ClusterConfig.
  const clusterPath = join(deployDir, "cluster.yaml");
  const cluster = readYaml(clusterPath, problems);
  const policyArn = (name: string) => `arn:aws:iam::${account}:policy/${name}`;
  let appRole: string | undefined;
  if (cluster) {
    // eksctl's own schema first: field names and types exactly as eksctl reads them.
    const schema = JSON.parse(readFileSync(join(HERE, "eksctl-schema.json"), "utf8")) as Obj;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    if (!validate(cluster))
      for (const e of validate.errors ?? [])
        problems.push(
          `${clusterPath}: eksctl schema: ${e.instancePath || "/"} ${e.message}${
            e.params && "additionalProperty" in e.params ? ` "${e.params.additionalProperty}"` : ""
          }`,
        );
    const meta = isObj(cluster.metadata) ? cluster.metadata : {};
    if (cluster.apiVersion !== "eksctl.io/v1alpha5" || cluster.kind !== "ClusterConfig")
      problems.push(`${clusterPath}: expected apiVersion eksctl.io/v1alpha5, kind ClusterConfig`);
    if (meta.name !== NAMES.cluster) problems.push(`${clusterPath}: metadata.name should be ${NAMES.cluster}`);
    if (meta.region !== region) problems.push(`${clusterPath}: metadata.region is ${meta.region}, not ${region}`);
    if (typeof meta.version !== "string" || !/^1\.\d+$/.test(meta.version))
      problems.push(`${clusterPath}: metadata.version must be a quoted "1.NN" (YAML reads 1.30 as the number 1.3)`);
    const iam = isObj(cluster.iam) ? cluster.iam : {};
    if (iam.withOIDC !== true) problems.push(`${clusterPath}: iam.withOIDC must be true for IRSA`);
    const sas = asArray(iam.serviceAccounts).filter(isObj);
    const app = sas.find(
      (s) => isObj(s.metadata) && s.metadata.name === NAMES.serviceAccount && s.metadata.namespace === NAMES.namespace,
    );
    if (!app)
      problems.push(`${clusterPath}: no iam.serviceAccounts entry for ${NAMES.namespace}/${NAMES.serviceAccount}`);
    else {
      appRole = typeof app.roleName === "string" ? app.roleName : undefined;
      if (app.roleOnly !== true)
        problems.push(`${clusterPath}: the app's service account must be roleOnly (the overlay owns the object)`);
      const arns = asArray(app.attachPolicyARNs).map(String);
      if (arns.length !== 1 || arns[0] !== policyArn(NAMES.readPolicy))
        problems.push(`${clusterPath}: the app role must attach exactly ${policyArn(NAMES.readPolicy)}, got ${arns}`);
    }
    const lbc = sas.find((s) => isObj(s.metadata) && s.metadata.name === "aws-load-balancer-controller");
    if (!lbc || !isObj(lbc.wellKnownPolicies) || lbc.wellKnownPolicies.awsLoadBalancerController !== true)
      problems.push(`${clusterPath}: the aws-load-balancer-controller service account needs its well-known policy`);
    const cni = asArray(cluster.addons)
      .filter(isObj)
      .find((a) => a.name === "vpc-cni");
    let netpol = false;
    try {
      netpol = cni !== undefined && JSON.parse(String(cni.configurationValues)).enableNetworkPolicy === "true";
    } catch {
      // reported below
    }
    if (!netpol)
      problems.push(
        `${clusterPath}: the vpc-cni add-on needs {"enableNetworkPolicy": "true"}, or NetworkPolicy is ignored`,
      );
    const groups = asArray(cluster.managedNodeGroups).filter(isObj);
    if (groups.length === 0) problems.push(`${clusterPath}: no managedNodeGroups`);
    for (const g of groups) {
      const arns = asArray(isObj(g.iam) ? g.iam.attachPolicyARNs : undefined).map(String);
      for (const need of [
        "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
        "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
        policyArn(NAMES.pullPolicy),
      ])
        if (!arns.includes(need)) problems.push(`${clusterPath}: node group ${g.name} does not attach ${need}`);
      // With IRSA the pods have their own role, but a pod that reaches IMDS can still take the node's credentials.
      if (g.disablePodIMDS !== true) {
        problems.push(
          `${clusterPath}: node group ${g.name} must set disablePodIMDS: true (pods would reach the node's role)`,
        );
      }
    }
  }

  // The Kubernetes layouts: the project's manifest checks, then what ties the EKS overlay to the AWS side.
  for (const layout of ["base", "overlays/minikube", "overlays/eks"]) {
    const findings = checkKustomization(join(k8sDir, layout));
    if (findings.length > 0) problems.push(`${k8sDir}/${layout}:\n${formatFindings(findings)}`);
  }
  const eks = loadKustomization(join(k8sDir, "overlays/eks")).objects;
  const sa = eks.find((o) => o.kind === "ServiceAccount" && o.name === NAMES.serviceAccount);
  const saMeta = sa?.body.metadata;
  const roleArn =
    isObj(saMeta) && isObj(saMeta.annotations) ? saMeta.annotations["eks.amazonaws.com/role-arn"] : undefined;
  if (roleArn !== `arn:aws:iam::${account}:role/${appRole}`)
    problems.push(
      `overlays/eks: ServiceAccount role-arn is ${roleArn}, but eksctl creates arn:aws:iam::${account}:role/${appRole}`,
    );
  const deploy = eks.find((o) => o.kind === "Deployment");
  const spec = (deploy?.body.spec as Obj | undefined)?.template as Obj | undefined;
  const containers = asArray((spec?.spec as Obj | undefined)?.containers).filter(isObj);
  const image = String(containers.find((c) => c.name === "api")?.image ?? "");
  const registry = `${account}.dkr.ecr.${region}.amazonaws.com/${NAMES.repository}:`;
  if (!image.startsWith(registry)) problems.push(`overlays/eks: the api image is ${image}, expected ${registry}<tag>`);
  const config = eks.find((o) => o.kind === "ConfigMap")?.body.data as Obj | undefined;
  if (config?.AWS_REGION !== region) problems.push(`overlays/eks: AWS_REGION is ${config?.AWS_REGION}, not ${region}`);
  const uri = /^s3:\/\/([^/]+)\/(.+)$/.exec(String(config?.MODEL_S3_URI ?? ""));
  if (!uri) problems.push(`overlays/eks: MODEL_S3_URI ${config?.MODEL_S3_URI} is not s3://bucket/key`);
  else {
    // The simulator answers the question that matters: may the app role read exactly what the init container fetches?
    const read = policies.get("s3-model-read-policy.json");
    if (read) {
      const [decision] = await evaluateMatrix({ identityPolicies: [read as never] }, [
        {
          label: "init container fetches the model",
          action: "s3:GetObject",
          resource: `arn:aws:s3:::${uri[1]}/${uri[2]}`,
          principal: `arn:aws:iam::${account}:role/${appRole}`,
          resourceAccount: account,
          expect: "allow",
        },
      ]);
      if (!decision.ok)
        problems.push(`s3-model-read-policy.json does not allow s3:GetObject on ${uri[0]} (${decision.decision})`);
    }
    if (!uri[2].startsWith(NAMES.modelPrefix))
      problems.push(`overlays/eks: the model key ${uri[2]} is outside ${NAMES.modelPrefix}`);
  }
  return problems;
}

// CLI: the committed files, or deploy-eks.sh's rendered copy.
if (resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url)) {
  const here = HERE;
  const [dir, account = PLACEHOLDER_ACCOUNT, region = PLACEHOLDER_REGION] = process.argv.slice(2);
  const files: DeployFiles = dir
    ? { deployDir: join(dir, "deploy"), k8sDir: join(dir, "k8s"), account, region }
    : { deployDir: here, k8sDir: join(here, "..", "k8s"), account, region };
  const problems = await checkDeployFiles(files);
  if (problems.length > 0) {
    console.error(problems.map((p) => `  PROBLEM ${p}`).join("\n"));
    process.exit(1);
  }
  console.log(
    `  checked ${files.deployDir}/cluster.yaml, iam/*.json and ${files.k8sDir} (base, minikube, eks) for account ` +
      `${account}, region ${region}: consistent, and the manifests pass every check`,
  );
}
