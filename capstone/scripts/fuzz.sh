#!/usr/bin/env bash
# npm run capstone:fuzz: schemathesis (from .venv) against the LIVE capstone API and its own OpenAPI document.
#
# It trains the model if it is missing, starts the real server (capstone/src/server.ts) on a free loopback port
# (capstone/scripts/with-capstone.ts), and lets schemathesis generate requests from /openapi.json: valid and invalid
# bodies, odd headers, wrong content types. Every schemathesis check runs on every response (--checks all); the two
# that the capstone's goals name are
#   not_a_server_error            no 5xx, ever, whatever the client sends
#   response_schema_conformance   every response (200s AND the error envelopes) matches the schema the docs publish
# and the others check status codes and content types against the document, that invalid data is refused and valid
# data accepted, and the Allow header of 405s.
#
# Exit 1 when any check fails, when the server logged an error line, or when fewer than FUZZ_MIN_CASES cases ran.
#
#   npm run capstone:fuzz
#   FUZZ_MAX_EXAMPLES=50 FUZZ_MIN_CASES=100 npm run capstone:fuzz     # a quick look
#
# Settings (environment): FUZZ_MAX_EXAMPLES (per operation and phase, default 250), FUZZ_SEED (default 42: the same
# seed generates the same cases), FUZZ_WORKERS (default 2), FUZZ_MIN_CASES (default 1000).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-250}
SEED=${FUZZ_SEED:-42}
WORKERS=${FUZZ_WORKERS:-2}
MIN_CASES=${FUZZ_MIN_CASES:-1000}
ST="$ROOT/.venv/bin/schemathesis"

if [ ! -x "$ST" ]; then
  echo "capstone:fuzz: $ST is missing; run npm run setup (it installs the pinned requirements.txt into .venv)." >&2
  exit 1
fi

# schemathesis and hypothesis write caches (.schemathesis/, .hypothesis/) into the working directory: run it in a
# scratch folder so the repository stays clean, and keep the JSON report there.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/capstone-fuzz-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
REPORT_DIR="$WORK/report"

echo "capstone:fuzz: $("$ST" --version), seed $SEED, max $MAX_EXAMPLES examples per operation and phase, $WORKERS workers"
echo "  $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null | sed 's/^/load average /') on $(nproc) cores"
status=0
npx tsx capstone/scripts/with-capstone.ts --cwd "$WORK" -- \
  "$ST" run "{url}/openapi.json" \
  --checks all \
  --max-examples "$MAX_EXAMPLES" \
  --seed "$SEED" \
  --workers "$WORKERS" \
  --generation-database none \
  --request-timeout 30 \
  --report json --report-dir "$REPORT_DIR" \
  --no-color || status=$?

report=$(ls "$REPORT_DIR"/*.json 2>/dev/null | head -1 || true)
if [ -z "$report" ]; then
  echo "capstone:fuzz: FAILED: schemathesis wrote no report (exit $status)" >&2
  exit 1
fi

# The figures, from schemathesis's own JSON report.
node - "$report" "$MIN_CASES" "$status" <<'EOF'
const [file, minCases, status] = process.argv.slice(2);
const r = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
const t = r.test_cases;
console.log("");
console.log(`capstone:fuzz: ${t.generated} test cases on ${r.operations.tested} operations in ` +
  `${r.running_time.toFixed(0)} s; ${t.with_failures} with failures, ${t.errored} errored; ` +
  `${r.failures.length} distinct failures, ${r.errors.length} errors`);
for (const [operation, phases] of Object.entries(r.valid_rates ?? {})) {
  const parts = Object.entries(phases).map(([phase, v]) => `${phase} ${v.accepted} valid accepted, ${v.rejected} rejected`);
  console.log(`  ${operation.padEnd(20)} ${parts.join("; ")}`);
}
const problems = [];
if (Number(status) !== 0) problems.push(`schemathesis exited ${status}`);
if (t.with_failures > 0 || r.failures.length > 0) problems.push(`${t.with_failures} cases failed a check`);
if (t.errored > 0 || r.errors.length > 0) problems.push(`${r.errors.length} errors`);
if (t.generated < Number(minCases)) problems.push(`only ${t.generated} cases, fewer than ${minCases}`);
if (problems.length > 0) {
  console.log(`capstone:fuzz: FAILED: ${problems.join("; ")}`);
  process.exit(1);
}
console.log(`capstone:fuzz: passed: >= ${minCases} cases, 0 server errors, 0 responses off the schema`);
EOF
