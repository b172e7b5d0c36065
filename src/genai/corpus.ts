// A small corpus for the retrieval-augmented generation section and the rag-retrieval exercise: pages about this
// workspace and a few AWS facts that are stable (checked against the AWS documentation pages named in `source`,
// 2026-12). Each question names a phrase that only the passage answering it contains, so retrieval can be scored
// without a human judge: a question is answered when one of the top-k chunks contains its phrase.

export interface SourceDocument {
  id: string;
  title: string;
  source: string;
  text: string;
}

export const CORPUS: readonly SourceDocument[] = [
  {
    id: "workspace-grading",
    title: "How exercises are graded in this workspace",
    source: "README.md of this workspace",
    text:
      "Every exercise is a stub under exercises/ with its test beside it. An untouched stub calls todo, and the grader " +
      "reports it as not started rather than failed. The reference solution lives at the same path under solutions/ " +
      "and is proven by the very same test file, never by a copy. Each exercise runs in its own process with its own " +
      "time-out, so an infinite loop is reported as a time-out for that exercise only. Results are saved in " +
      ".progress.json, which git ignores.",
  },
  {
    id: "workspace-aws-local",
    title: "AWS on your machine",
    source: "README.md of this workspace",
    text:
      "The AWS track needs no AWS account. Notebooks and tests start a local moto server on a free loopback port and " +
      "point the SDK at it with fake credentials. The file src/aws/target.ts is the one place that decides where calls " +
      "go. Only loopback endpoints are accepted unless you set STUDY_AWS_TARGET=real. Credentials for a real account " +
      "come from the usual AWS chain and are never stored by the workspace.",
  },
  {
    id: "workspace-capstone",
    title: "The capstone prediction API",
    source: "capstone/README.md of this workspace",
    text:
      "The capstone is a Fastify 5 API that serves the random forest trained by src/ml. The forest is compiled into a " +
      "flat predictor that gives exactly the original model's predictions. Readiness waits until the model is loaded, " +
      "and a SIGTERM starts a graceful drain so accepted requests still finish. Prometheus metrics are exposed for " +
      "scraping, and Grafana shows them in a dashboard.",
  },
  {
    id: "aws-s3",
    title: "Amazon S3 basics",
    source: "Amazon S3 User Guide (docs.aws.amazon.com/AmazonS3/latest/userguide/), 2026-12",
    text:
      "Amazon S3 stores objects in buckets, and each object is addressed by its key. S3 is designed for " +
      "99.999999999 percent durability of objects over a given year, often called eleven nines. Storage classes such " +
      "as S3 Standard-IA and S3 Glacier Deep Archive trade retrieval cost and speed for a lower storage price. " +
      "Versioning keeps every version of an object, so an overwritten or deleted object can be restored. " +
      "S3 Block Public Access settings override policies that would make a bucket public.",
  },
  {
    id: "aws-global-infrastructure",
    title: "Regions, Availability Zones and edge locations",
    source: "AWS global infrastructure pages (aws.amazon.com/about-aws/global-infrastructure/), 2026-12",
    text:
      "An AWS Region is a separate geographic area that contains multiple Availability Zones. An Availability Zone is " +
      "one or more discrete data centers with redundant power, networking and connectivity. Running an application " +
      "in at least two Availability Zones keeps it up when one zone fails. Edge locations serve Amazon CloudFront " +
      "content close to users with low latency.",
  },
  {
    id: "aws-iam",
    title: "IAM essentials",
    source: "AWS IAM User Guide (docs.aws.amazon.com/IAM/latest/UserGuide/), 2026-12",
    text:
      "IAM policies are JSON documents that allow or deny actions on resources. An explicit deny in any policy " +
      "overrides every allow. Grant least privilege: only the permissions a task needs. Protect the root user with " +
      "multi-factor authentication and do not use it for everyday tasks. Applications on AWS should use IAM roles, " +
      "which hand out temporary credentials, instead of long-term access keys.",
  },
  {
    id: "aws-ec2-pricing",
    title: "EC2 purchase options",
    source: "Amazon EC2 pricing pages (aws.amazon.com/ec2/pricing/), 2026-12",
    text:
      "On-Demand Instances need no commitment, and Linux ones are billed per second with a 60-second minimum. Savings Plans give a lower price in exchange " +
      "for a commitment to a consistent amount of usage in dollars per hour for one or three years. Reserved " +
      "Instances also take a one or three year term for a lower price. Spot Instances use spare EC2 capacity at a " +
      "steep discount, and EC2 can reclaim them with a two-minute interruption notice.",
  },
  {
    id: "aws-bedrock",
    title: "Amazon Bedrock",
    source: "Amazon Bedrock User Guide (docs.aws.amazon.com/bedrock/latest/userguide/), 2026-12",
    text:
      "Amazon Bedrock is a fully managed service that offers foundation models from Amazon and other model providers " +
      "through one API. The Converse API gives one request and response format for every model that supports " +
      "messages. Amazon Bedrock Knowledge Bases implement retrieval-augmented generation over your own documents. " +
      "Amazon Bedrock Guardrails filter harmful content, block denied topics and mask sensitive information " +
      "such as personal data.",
  },
  {
    id: "aws-sagemaker-clarify",
    title: "Amazon SageMaker Clarify",
    source: "Amazon SageMaker AI Developer Guide, Clarify pages, 2026-12",
    text:
      "SageMaker Clarify detects bias in data and in model predictions with metrics computed per group. It also " +
      "explains predictions with feature attributions based on Shapley values. Clarify can run before training on " +
      "the dataset, after training on the model, and on a deployed endpoint with SageMaker Model Monitor.",
  },
];

export interface RetrievalQuestion {
  question: string;
  /** Words that appear in the passage that answers it (case-insensitive), and in no other document. */
  answerPhrase: string;
}

export const RETRIEVAL_QUESTIONS: readonly RetrievalQuestion[] = [
  { question: "How durable is an object stored in Amazon S3?", answerPhrase: "99.999999999 percent" },
  { question: "Can I restore an S3 object after I deleted it by mistake?", answerPhrase: "Versioning keeps" },
  {
    question: "What notice does EC2 give before it reclaims a Spot Instance?",
    answerPhrase: "two-minute interruption",
  },
  { question: "Which purchase option commits to dollars per hour of usage?", answerPhrase: "Savings Plans give" },
  { question: "What is an Availability Zone made of?", answerPhrase: "discrete data centers" },
  { question: "Does an explicit deny override an allow in IAM policies?", answerPhrase: "explicit deny" },
  { question: "What does an untouched stub report when it is graded?", answerPhrase: "not started rather than failed" },
  { question: "How do I let the SDK reach a real AWS account?", answerPhrase: "STUDY_AWS_TARGET=real" },
  { question: "What happens to accepted requests on SIGTERM in the capstone?", answerPhrase: "graceful drain" },
  { question: "Which Bedrock feature masks personal data in prompts?", answerPhrase: "mask sensitive information" },
  { question: "How does SageMaker Clarify explain a prediction?", answerPhrase: "Shapley values" },
  { question: "Which Bedrock API uses one message format for every model?", answerPhrase: "Converse API" },
];
