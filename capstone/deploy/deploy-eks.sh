#!/usr/bin/env bash
# Deploys the capstone API to a new EKS cluster, from nothing to a public endpoint that answers predictions.
#
#   npm run capstone:deploy                      # = --dry-run: checks every file, prints every command, touches nothing
#   npm run capstone:deploy -- --apply           # runs them (needs an AWS account; costs money while it runs)
#   npm run capstone:deploy -- --destroy         # prints (with --apply: runs) the commands that delete it all
#
# Settings (environment): AWS_REGION (default us-east-1), IMAGE_TAG (default: capstone/package.json's version),
# GITHUB_REPOSITORY (owner/name, for the CI release role; default example-org/ml-engineer-study).
# The account comes from `aws sts get-caller-identity` with --apply, and is AWS's documentation account
# 123456789012 in a dry run (or AWS_ACCOUNT_ID if set).
#
# The committed files (cluster.yaml, iam/*.json, capstone/k8s/overlays/eks) hold that documentation account and
# us-east-1; this script renders a copy with yours into a temporary folder, checks the copy with the same checks the
# tests run, and only ever applies the copy.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

mode=dry-run
action=deploy
for arg in "$@"; do
  case $arg in
    --dry-run) mode=dry-run ;;
    --apply) mode=apply ;;
    --destroy) action=destroy ;;
    -h | --help)
      sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown argument: $arg (expected --dry-run, --apply, --destroy)" >&2
      exit 2
      ;;
  esac
done

# Names shared with cluster.yaml, iam/*.json, capstone/k8s and the release workflow (deploy.test.ts keeps them equal).
cluster=ml-capstone
namespace=capstone
repository=ml-capstone-api
app_role=ml-capstone-api-model-read
ci_role=ml-capstone-github-release
pull_policy=ml-capstone-ecr-pull
read_policy=ml-capstone-model-read
push_policy=ml-capstone-ecr-push
lbc_chart_version=1.13.0
metrics_server_version=v0.7.2
placeholder_account=123456789012
placeholder_region=us-east-1
placeholder_repo=example-org/ml-engineer-study

region=${AWS_REGION:-$placeholder_region}
tag=${IMAGE_TAG:-$(node -p "require('$root/capstone/package.json').version")}
github_repo=${GITHUB_REPOSITORY:-$placeholder_repo}

step() { printf '\n== %s\n' "$*"; }
# Prints a command exactly as it would run (shell-quoted), and runs it with --apply.
run() {
  printf '+'
  local a
  for a in "$@"; do
    if [[ $a =~ ^[A-Za-z0-9_./:=@,+%-]+$ ]]; then printf ' %s' "$a"; else printf ' %q' "$a"; fi
  done
  printf '\n'
  if [[ $mode == apply ]]; then "$@"; fi
}
# For the few commands that need a pipe or a redirect: printed verbatim, run by bash with --apply.
run_sh() {
  printf '+ %s\n' "$1"
  if [[ $mode == apply ]]; then bash -c "$1"; fi
}
# Runs a create command only if `probe` (a read-only command) fails, so --apply can be re-run after a failure.
# In a dry run the probe is not run (it would call AWS); the command is printed with the condition.
ensure() {
  local probe=$1
  shift
  if [[ $mode == apply ]] && bash -c "$probe" >/dev/null 2>&1; then
    printf '  (already there: %s)\n' "$probe"
    return
  fi
  [[ $mode == dry-run ]] && printf '  # only if this fails: %s\n' "$probe"
  run "$@"
}

step "tools"
missing=()
for tool in aws eksctl kubectl helm docker curl node; do
  if command -v "$tool" >/dev/null 2>&1; then printf '  %-8s %s\n' "$tool" "$(command -v "$tool")"; else
    printf '  %-8s MISSING\n' "$tool"
    missing+=("$tool")
  fi
done
if [[ ${#missing[@]} -gt 0 && $mode == apply ]]; then
  echo "install ${missing[*]} first (see capstone/README.md, 'EKS walkthrough')" >&2
  exit 1
fi

step "account and region"
if [[ $mode == apply ]]; then
  account=$(aws sts get-caller-identity --query Account --output text)
else
  account=${AWS_ACCOUNT_ID:-$placeholder_account}
fi
registry=$account.dkr.ecr.$region.amazonaws.com
image=$registry/$repository:$tag
bucket=ml-capstone-models-$account
model_key=models/capstone/model.json
echo "  account $account, region $region, image $image"
echo "  model   s3://$bucket/$model_key, GitHub repository $github_repo"

step "render the deployment files for this account and region, and check them"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work
mkdir -p "$work/capstone/deploy" "$work/capstone/k8s"
cp -a "$here/cluster.yaml" "$here/iam" "$work/capstone/deploy/"
cp -a "$root/capstone/k8s/." "$work/capstone/k8s/"
# Only the placeholders change: the account, the region, the GitHub repository and the image tag of the overlay.
find "$work/capstone" -type f \( -name '*.yaml' -o -name '*.json' \) -exec sed -i \
  -e "s/$placeholder_account/$account/g" \
  -e "s/$placeholder_region/$region/g" \
  -e "s#$placeholder_repo#$github_repo#g" {} +
sed -i "s/^\(    newTag:\) .*/\1 \"$tag\"/" "$work/capstone/k8s/overlays/eks/kustomization.yaml"
rendered=$work/capstone
# The same checks as capstone/deploy/deploy.test.ts, on the rendered copy (a teardown does not need them).
if [[ $action == deploy ]]; then
  (cd "$root" && npx --no-install tsx capstone/deploy/check-files.ts "$rendered" "$account" "$region")
fi
if [[ -f $root/capstone/model/model.json ]]; then
  echo "  model: capstone/model/model.json ($(wc -c <"$root/capstone/model/model.json") bytes)"
elif [[ $mode == apply ]]; then
  echo "capstone/model/model.json is missing: run npm run capstone:train first" >&2
  exit 1
else
  echo "  model: capstone/model/model.json is missing (npm run capstone:train makes it; --apply needs it)"
fi
if [[ $mode == dry-run ]]; then
  echo "  (dry run: the commands below are printed, not run. They name the rendered copy, a temporary folder that"
  echo "  is deleted at exit; --apply renders it again and uses it while it runs.)"
fi

if [[ $action == destroy ]]; then
  step "delete everything this script made (the load balancer first, or its ENIs keep the VPC from being deleted)"
  run kubectl delete -k "$rendered/k8s/overlays/eks" --ignore-not-found
  run helm uninstall aws-load-balancer-controller --namespace kube-system
  run eksctl delete cluster --config-file "$rendered/deploy/cluster.yaml" --wait
  run aws ecr delete-repository --region "$region" --repository-name "$repository" --force
  # The bucket is versioned: every version and delete marker goes before the bucket can.
  for kind in Versions DeleteMarkers; do
    run_sh "aws s3api list-object-versions --bucket $bucket --output json \
--query '{Objects: $kind[].{Key: Key, VersionId: VersionId}}' > \"\$TMPDIR/$kind.json\" \
&& grep -q Key \"\$TMPDIR/$kind.json\" && aws s3api delete-objects --bucket $bucket --delete \"file://\$TMPDIR/$kind.json\" || true"
  done
  run aws s3api delete-bucket --bucket "$bucket" --region "$region"
  run aws iam delete-role-policy --role-name "$ci_role" --policy-name "$push_policy"
  run aws iam delete-role --role-name "$ci_role"
  run aws iam delete-policy --policy-arn "arn:aws:iam::$account:policy/$pull_policy"
  run aws iam delete-policy --policy-arn "arn:aws:iam::$account:policy/$read_policy"
  exit 0
fi

step "1/8 IAM policies the cluster config refers to (least privilege; proven by capstone/deploy/deploy.test.ts)"
ensure "aws iam get-policy --policy-arn arn:aws:iam::$account:policy/$pull_policy" \
  aws iam create-policy --policy-name "$pull_policy" --policy-document "file://$rendered/deploy/iam/ecr-pull-policy.json"
ensure "aws iam get-policy --policy-arn arn:aws:iam::$account:policy/$read_policy" \
  aws iam create-policy --policy-name "$read_policy" --policy-document "file://$rendered/deploy/iam/s3-model-read-policy.json"

step "2/8 ECR repository (tags immutable: a tag always means the same image; scanned on push)"
ensure "aws ecr describe-repositories --region $region --repository-names $repository" \
  aws ecr create-repository --region "$region" --repository-name "$repository" \
  --image-tag-mutability IMMUTABLE --image-scanning-configuration scanOnPush=true

step "3/8 S3 bucket for the promoted model (private, versioned), and the model in it"
if [[ $region == us-east-1 ]]; then
  ensure "aws s3api head-bucket --bucket $bucket" aws s3api create-bucket --bucket "$bucket" --region "$region"
else
  ensure "aws s3api head-bucket --bucket $bucket" aws s3api create-bucket --bucket "$bucket" --region "$region" \
    --create-bucket-configuration "LocationConstraint=$region"
fi
run aws s3api put-public-access-block --bucket "$bucket" --public-access-block-configuration \
  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
run aws s3api put-bucket-versioning --bucket "$bucket" --versioning-configuration Status=Enabled
run aws s3 cp "$root/capstone/model/model.json" "s3://$bucket/$model_key"

step "4/8 the cluster: control plane, OIDC provider, IRSA roles, add-ons, two private nodes (15-20 minutes)"
ensure "aws eks describe-cluster --region $region --name $cluster" \
  eksctl create cluster --config-file "$rendered/deploy/cluster.yaml"
run aws eks update-kubeconfig --region "$region" --name "$cluster"

step "5/8 cluster add-ons: metrics-server (for the HPA) and the AWS Load Balancer Controller (for the Ingress)"
run kubectl apply -f "https://github.com/kubernetes-sigs/metrics-server/releases/download/$metrics_server_version/components.yaml"
run helm repo add eks https://aws.github.io/eks-charts --force-update
run_sh "helm upgrade --install aws-load-balancer-controller eks/aws-load-balancer-controller --namespace kube-system \
--version $lbc_chart_version --set clusterName=$cluster --set region=$region \
--set vpcId=\$(aws eks describe-cluster --region $region --name $cluster --query cluster.resourcesVpcConfig.vpcId --output text) \
--set serviceAccount.create=false --set serviceAccount.name=aws-load-balancer-controller --wait"

step "6/8 the image: build, log in to ECR (a 12-hour token, piped, never stored in a file), push"
ensure "aws ecr describe-images --region $region --repository-name $repository --image-ids imageTag=$tag" \
  docker build --file "$root/capstone/Dockerfile" --tag "$image" "$root"
run_sh "aws ecr get-login-password --region $region | docker login --username AWS --password-stdin $registry"
ensure "aws ecr describe-images --region $region --repository-name $repository --image-ids imageTag=$tag" \
  docker push "$image"

step "7/8 the API: kubectl apply -k on the rendered overlay, then wait for the rollout"
run kubectl apply -k "$rendered/k8s/overlays/eks"
run kubectl --namespace "$namespace" rollout status deployment/capstone-api --timeout=5m
run kubectl --namespace "$namespace" get pods,service,ingress,hpa,pdb

step "8/8 the public endpoint: wait for the ALB's DNS name, then check it answers like the image did in CI"
run_sh "for i in \$(seq 60); do host=\$(kubectl -n $namespace get ingress capstone-api -o jsonpath='{.status.loadBalancer.ingress[0].hostname}'); \
[ -n \"\$host\" ] && curl -fsS -o /dev/null \"http://\$host/readyz\" && break; sleep 10; done; echo \"endpoint: http://\$host\"; \
curl -fsS \"http://\$host/model\"; echo; cd $root && npx tsx capstone/scripts/image-probe.ts \"http://\$host\""

step "CI release role (GitHub Actions -> ECR through OIDC, no stored keys): once per account"
ensure "aws iam get-open-id-connect-provider --open-id-connect-provider-arn arn:aws:iam::$account:oidc-provider/token.actions.githubusercontent.com" \
  aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com
ensure "aws iam get-role --role-name $ci_role" \
  aws iam create-role --role-name "$ci_role" \
  --assume-role-policy-document "file://$rendered/deploy/iam/github-oidc-trust-policy.json"
run aws iam put-role-policy --role-name "$ci_role" --policy-name "$push_policy" \
  --policy-document "file://$rendered/deploy/iam/ecr-push-policy.json"
echo "  then, in the GitHub repository's settings -> variables: AWS_RELEASE_ROLE_ARN=arn:aws:iam::$account:role/$ci_role"
echo "  and AWS_REGION=$region; pushing a tag capstone-v$tag releases that version."

step "done"
if [[ $mode == dry-run ]]; then
  echo "dry run: every file checked, nothing created. Run with --apply to do it (and --destroy --apply to undo it)."
else
  echo "deployed $image to $cluster. It costs money while it runs: npm run capstone:deploy -- --destroy --apply"
fi
