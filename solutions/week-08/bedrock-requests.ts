// Reference solution for bedrock-requests.
import type { CreateGuardrailCommandInput } from "@aws-sdk/client-bedrock";
import type { CreateKnowledgeBaseCommandInput } from "@aws-sdk/client-bedrock-agent";
import type {
  ConverseCommandInput,
  ConverseCommandOutput,
  InvokeModelCommandInput,
} from "@aws-sdk/client-bedrock-runtime";

export interface AskOptions {
  modelId: string;
  system: string;
  maxTokens: number;
  temperature: number;
  guardrail?: { id: string; version: string };
}

export function converseRequest(prompt: string, opts: AskOptions): ConverseCommandInput {
  if (prompt.trim() === "") throw new Error("prompt is empty");
  if (!Number.isInteger(opts.maxTokens) || opts.maxTokens < 1) throw new Error("maxTokens must be an integer >= 1");
  if (!(opts.temperature >= 0 && opts.temperature <= 1)) throw new Error("temperature must be between 0 and 1");
  const input: ConverseCommandInput = {
    modelId: opts.modelId,
    system: [{ text: opts.system }],
    messages: [{ role: "user", content: [{ text: prompt }] }],
    inferenceConfig: { maxTokens: opts.maxTokens, temperature: opts.temperature },
  };
  if (opts.guardrail) {
    if (
      !/^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/.test(
        opts.guardrail.id,
      )
    ) {
      throw new Error(`guardrail id "${opts.guardrail.id}" is not a guardrail id or ARN`);
    }
    if (!/^(([1-9][0-9]{0,7})|(DRAFT))$/.test(opts.guardrail.version)) {
      throw new Error(`guardrail version "${opts.guardrail.version}" must be DRAFT or a number from 1`);
    }
    input.guardrailConfig = { guardrailIdentifier: opts.guardrail.id, guardrailVersion: opts.guardrail.version };
  }
  return input;
}

export interface Answer {
  text: string;
  stopReason: string;
  inputTokens: number;
  outputTokens: number;
}

export function readConverse(output: ConverseCommandOutput): Answer {
  const blocks = output.output?.message?.content;
  if (!blocks || output.stopReason === undefined || !output.usage) throw new Error("not a Converse response");
  return {
    text: blocks.map((b) => b.text ?? "").join(""),
    stopReason: output.stopReason,
    inputTokens: output.usage.inputTokens ?? 0,
    outputTokens: output.usage.outputTokens ?? 0,
  };
}

export function claudeInvokeRequest(modelId: string, prompt: string, maxTokens: number): InvokeModelCommandInput {
  if (!modelId.startsWith("anthropic.")) throw new Error(`${modelId} is not an Anthropic model id`);
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new Error("maxTokens must be an integer >= 1");
  return {
    modelId,
    contentType: "application/json",
    accept: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: maxTokens,
      messages: [{ role: "user", content: [{ type: "text", text: prompt }] }],
    }),
  };
}

export function readClaudeBody(body: Uint8Array): Answer {
  const json = JSON.parse(new TextDecoder().decode(body)) as {
    content?: { type: string; text?: string }[];
    stop_reason?: string;
    usage?: { input_tokens: number; output_tokens: number };
  };
  if (!json.content || !json.stop_reason || !json.usage) throw new Error("not an Anthropic messages response");
  return {
    text: json.content
      .filter((c) => c.type === "text")
      .map((c) => c.text ?? "")
      .join(""),
    stopReason: json.stop_reason,
    inputTokens: json.usage.input_tokens,
    outputTokens: json.usage.output_tokens,
  };
}

export function studyGuardrail(): CreateGuardrailCommandInput {
  return {
    name: "study-assistant",
    description: "Keeps the study assistant on topic, safe and free of personal data and secrets.",
    blockedInputMessaging: "Sorry, I can't help with that request. Ask me about the study material instead.",
    blockedOutputsMessaging: "Sorry, I can't share that answer.",
    topicPolicyConfig: {
      topicsConfig: [
        {
          name: "Exam dumps",
          definition: "Requests for leaked or memorised real certification exam questions and their answers.",
          examples: ["Give me the real questions from the AIF-C01 exam.", "Where can I download a CLF-C02 dump?"],
          type: "DENY",
        },
      ],
    },
    contentPolicyConfig: {
      filtersConfig: [
        { type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" },
        { type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" },
        { type: "INSULTS", inputStrength: "HIGH", outputStrength: "HIGH" },
        { type: "VIOLENCE", inputStrength: "HIGH", outputStrength: "HIGH" },
        { type: "MISCONDUCT", inputStrength: "HIGH", outputStrength: "HIGH" },
      ],
    },
    sensitiveInformationPolicyConfig: {
      piiEntitiesConfig: [
        { type: "EMAIL", action: "ANONYMIZE" },
        { type: "PHONE", action: "ANONYMIZE" },
        { type: "AWS_ACCESS_KEY", action: "BLOCK" },
        { type: "AWS_SECRET_KEY", action: "BLOCK" },
      ],
    },
    contextualGroundingPolicyConfig: {
      filtersConfig: [
        { type: "GROUNDING", threshold: 0.75 },
        { type: "RELEVANCE", threshold: 0.5 },
      ],
    },
  };
}

export function studyKnowledgeBase(accountId: string, region: string): CreateKnowledgeBaseCommandInput {
  if (!/^[0-9]{12}$/.test(accountId)) throw new Error(`account id "${accountId}" must be 12 digits`);
  if (!/^[a-z]{2}(-[a-z]+)+-[0-9]$/.test(region)) throw new Error(`region "${region}" is not a Region code`);
  return {
    name: "study-notes",
    description: "The workspace's notebooks and READMEs, for answers grounded in the course.",
    roleArn: `arn:aws:iam::${accountId}:role/study-notes-kb`,
    knowledgeBaseConfiguration: {
      type: "VECTOR",
      vectorKnowledgeBaseConfiguration: {
        embeddingModelArn: `arn:aws:bedrock:${region}::foundation-model/amazon.titan-embed-text-v2:0`,
        embeddingModelConfiguration: { bedrockEmbeddingModelConfiguration: { dimensions: 512 } },
      },
    },
    storageConfiguration: {
      type: "OPENSEARCH_SERVERLESS",
      opensearchServerlessConfiguration: {
        collectionArn: `arn:aws:aoss:${region}:${accountId}:collection/studynotes01`,
        vectorIndexName: "study-notes-index",
        fieldMapping: { vectorField: "embedding", textField: "text", metadataField: "metadata" },
      },
    },
  };
}
