// Runtime checks for Bedrock configuration that TypeScript's types cannot express: lengths, patterns, ranges and
// consistency between fields. The SDK's types say a guardrail name is a string; the API also requires 1-50 characters
// of [0-9a-zA-Z-_], and a request that breaks such a rule fails only when AWS receives it. Checking here fails first,
// with the reason. Each rule names its source: the Amazon Bedrock API Reference pages for CreateGuardrail,
// GuardrailTopicConfig, GuardrailContextualGroundingFilterConfig and the bedrock-agent KnowledgeBase type, and the
// Titan Text Embeddings V2 model parameters page (docs.aws.amazon.com/bedrock/latest/), read 2026-12.
import type { CreateGuardrailCommandInput } from "@aws-sdk/client-bedrock";
import type { CreateKnowledgeBaseCommandInput } from "@aws-sdk/client-bedrock-agent";

function len(s: string | undefined, min: number, max: number): boolean {
  return typeof s === "string" && s.length >= min && s.length <= max;
}

/** Problems with a CreateGuardrail request, as sentences; [] when none was found. */
export function guardrailProblems(input: CreateGuardrailCommandInput): string[] {
  const p: string[] = [];
  if (!len(input.name, 1, 50) || !/^[0-9a-zA-Z_-]+$/.test(input.name ?? "")) {
    p.push(`name "${input.name}" must be 1-50 characters of letters, digits, - and _`);
  }
  if (input.description !== undefined && !len(input.description, 1, 200))
    p.push("description must be 1-200 characters");
  if (!input.blockedInputMessaging)
    p.push("blockedInputMessaging is required: what the user sees when a prompt is blocked");
  if (!input.blockedOutputsMessaging)
    p.push("blockedOutputsMessaging is required: what the user sees when a reply is blocked");
  for (const t of input.topicPolicyConfig?.topicsConfig ?? []) {
    if (!len(t.name, 1, 100) || !/^[0-9a-zA-Z_ !?.-]+$/.test(t.name ?? ""))
      p.push(`topic name "${t.name}" must be 1-100 characters of letters, digits, space and -_!?.`);
    if (!len(t.definition, 1, 200))
      p.push(`topic "${t.name}": definition must be 1-200 characters (got ${t.definition?.length ?? 0})`);
    if ((t.examples ?? []).length > 5) p.push(`topic "${t.name}": at most 5 examples`);
    for (const e of t.examples ?? [])
      if (!len(e, 1, 100)) p.push(`topic "${t.name}": example "${e.slice(0, 30)}..." must be 1-100 characters`);
    if (t.type !== "DENY") p.push(`topic "${t.name}": type must be DENY`);
  }
  const filters = input.contentPolicyConfig?.filtersConfig ?? [];
  const types = filters.map((f) => f.type);
  if (new Set(types).size !== types.length) p.push("each content filter type may appear once");
  for (const g of input.contextualGroundingPolicyConfig?.filtersConfig ?? []) {
    // The API sets a minimum of 0; scores lie in [0, 1], so a threshold of 1 or more would block every answer.
    if (typeof g.threshold !== "number" || g.threshold < 0 || g.threshold >= 1)
      p.push(`${g.type} threshold must be at least 0 and below 1`);
  }
  return p;
}

/** Output sizes Titan Text Embeddings V2 accepts (its `dimensions` parameter). */
export const TITAN_EMBED_V2_DIMENSIONS = [256, 512, 1024] as const;

/** Problems with a CreateKnowledgeBase request (a vector knowledge base on OpenSearch Serverless); [] when none. */
export function knowledgeBaseProblems(input: CreateKnowledgeBaseCommandInput, indexDimensions?: number): string[] {
  const p: string[] = [];
  if (!/^([0-9a-zA-Z][_-]?){1,100}$/.test(input.name ?? ""))
    p.push(`name "${input.name}" must match ([0-9a-zA-Z][_-]?){1,100}`);
  if (input.description !== undefined && !len(input.description, 1, 200))
    p.push("description must be 1-200 characters");
  if (!/^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/.test(input.roleArn ?? ""))
    p.push(`roleArn "${input.roleArn}" is not an IAM role ARN`);
  const kb = input.knowledgeBaseConfiguration;
  if (kb?.type !== "VECTOR") p.push("knowledgeBaseConfiguration.type must be VECTOR for retrieval over embeddings");
  const vector = kb?.vectorKnowledgeBaseConfiguration;
  const model = vector?.embeddingModelArn ?? "";
  const fm = /^arn:aws(-[^:]+)?:bedrock:([a-z0-9-]+)::foundation-model\/(.+)$/.exec(model);
  if (!fm)
    p.push(
      `embeddingModelArn "${model}" is not a Bedrock foundation-model ARN (arn:aws:bedrock:<region>::foundation-model/<id>)`,
    );
  const dims = vector?.embeddingModelConfiguration?.bedrockEmbeddingModelConfiguration?.dimensions;
  if (
    fm?.[3].startsWith("amazon.titan-embed-text-v2") &&
    dims !== undefined &&
    !TITAN_EMBED_V2_DIMENSIONS.includes(dims as 256)
  ) {
    p.push(`Titan Text Embeddings V2 makes vectors of 256, 512 or 1024 dimensions, not ${dims}`);
  }
  if (indexDimensions !== undefined && (dims ?? 1024) !== indexDimensions) {
    p.push(
      `the embedding model makes ${dims ?? 1024}-dimensional vectors but the vector index holds ${indexDimensions}`,
    );
  }
  const storage = input.storageConfiguration;
  if (storage?.type !== "OPENSEARCH_SERVERLESS" || !storage.opensearchServerlessConfiguration) {
    p.push("storageConfiguration must be OPENSEARCH_SERVERLESS with its opensearchServerlessConfiguration");
  } else {
    const os = storage.opensearchServerlessConfiguration;
    if (!/^arn:aws:aoss:[a-z0-9-]+:[0-9]{12}:collection\/[a-z0-9-]+$/.test(os.collectionArn ?? ""))
      p.push(`collectionArn "${os.collectionArn}" is not an OpenSearch Serverless collection ARN`);
    if (!os.vectorIndexName) p.push("vectorIndexName is required");
    const f = os.fieldMapping;
    if (!f?.vectorField || !f.textField || !f.metadataField)
      p.push("fieldMapping needs vectorField, textField and metadataField");
    else if (new Set([f.vectorField, f.textField, f.metadataField]).size !== 3)
      p.push("fieldMapping fields must be three different index fields");
    const region = /^arn:aws:aoss:([a-z0-9-]+):/.exec(os.collectionArn ?? "")?.[1];
    if (fm && region && fm[2] !== region)
      p.push(`the embedding model is in ${fm[2]} but the collection in ${region}: a knowledge base uses one Region`);
  }
  return p;
}
