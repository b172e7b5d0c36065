/**
 * The topic ids of the 8-week plan (shared/curriculum.md), so the manifest, the notebooks and the question bank
 * can name what they teach. A unit test keeps this list equal to curriculum.md whenever that file is beside the
 * workspace.
 */
export const TOPICS = [
  {
    id: "w1.linreg",
    week: 1,
    title: "linear regression, fitted from scratch (normal equation and gradient descent), with MSE",
  },
  { id: "w1.logreg", week: 1, title: "logistic regression, with accuracy" },
  { id: "w1.boundary", week: 1, title: "decision boundaries, plotted" },
  { id: "w1.confusion", week: 1, title: "confusion matrix, precision, recall, F1" },
  { id: "w1.roc", week: 1, title: "ROC curve and AUC" },
  { id: "w1.losses", week: 1, title: "why MSE, cross-entropy and hinge loss; how each behaves" },
  { id: "w1.overfit", week: 1, title: "overfitting causes and detection; train/test split" },
  { id: "w1.regularization", week: 1, title: "L1 and L2 regularization" },
  { id: "w1.aws-global", week: 1, title: "regions, availability zones, VPCs" },
  { id: "w1.iam", week: 1, title: "IAM roles, policies, least privilege" },
  { id: "w1.s3", week: 1, title: "S3 storage" },
  { id: "w1.ec2", week: 1, title: "EC2 compute (instance families, sizing, cost)" },
  { id: "w1.checkpoint", week: 1, title: "linear regression from scratch, plus a dataset uploaded to S3" },
  { id: "w2.tree", week: 2, title: "decision trees (impurity, splits, depth)" },
  { id: "w2.forest", week: 2, title: "random forests (bagging, feature subsampling, out-of-bag error)" },
  { id: "w2.gbt", week: 2, title: "gradient boosted trees" },
  { id: "w2.biasvar", week: 2, title: "the bias-variance tradeoff" },
  { id: "w2.cv", week: 2, title: "cross-validation" },
  { id: "w2.learning-curves", week: 2, title: "learning curves" },
  {
    id: "w2.unsupervised",
    week: 2,
    title: "unsupervised learning: k-means clustering and PCA, and how they differ from supervised learning",
  },
  { id: "w2.docker-concepts", week: 2, title: "images, containers, volumes, networks" },
  { id: "w2.dockerfile", week: 2, title: "Dockerfile basics; building and running containers" },
  { id: "w2.containerize", week: 2, title: "containerizing a small app" },
  {
    id: "w2.checkpoint",
    week: 2,
    title: "train a random forest, save it (the joblib counterpart), containerize an inference script",
  },
  { id: "w3.backprop", week: 3, title: "forward pass and backpropagation, from scratch" },
  { id: "w3.activations", week: 3, title: "ReLU, sigmoid, tanh" },
  { id: "w3.optimizers", week: 3, title: "SGD and Adam" },
  { id: "w3.framework", week: 3, title: "the same network in TensorFlow.js" },
  {
    id: "w3.training",
    week: 3,
    title:
      "training a network well: weight initialization, early stopping, dropout or weight decay, learning-rate schedules, against a linear baseline on data a line cannot separate",
  },
  { id: "w3.sagemaker", week: 3, title: "SageMaker training jobs and endpoints" },
  { id: "w3.cloudwatch", week: 3, title: "CloudWatch logging and monitoring" },
  { id: "w3.iam-ml", week: 3, title: "IAM roles for ML workloads" },
  {
    id: "w3.checkpoint",
    week: 3,
    title: "a small neural network deployed the SageMaker way (training-job request, container contract)",
  },
  { id: "w4.serving", week: 4, title: "batch vs real-time serving" },
  {
    id: "w4.serialization",
    week: 4,
    title: "model serialization (pickle/joblib/TorchScript/SavedModel and their TS counterparts)",
  },
  { id: "w4.pods", week: 4, title: "pods" },
  { id: "w4.deployments", week: 4, title: "deployments" },
  { id: "w4.services", week: 4, title: "services" },
  { id: "w4.config", week: 4, title: "ConfigMaps and Secrets" },
  { id: "w4.minikube", week: 4, title: "minikube for local testing" },
  { id: "w4.checkpoint", week: 4, title: "model behind an HTTP API, containerized, deployable to minikube" },
  { id: "w5.iam-advanced", week: 5, title: "assume-role, cross-account access" },
  { id: "w5.network", week: 5, title: "VPC, subnets, security groups" },
  { id: "w5.lb", week: 5, title: "load balancing (ELB, ALB)" },
  { id: "w5.hpa", week: 5, title: "replicas and the Horizontal Pod Autoscaler" },
  { id: "w5.monitoring", week: 5, title: "Prometheus and Grafana" },
  { id: "w5.logging", week: 5, title: "logging best practices" },
  { id: "w5.checkpoint", week: 5, title: "the inference API deployed on EKS" },
  { id: "w6.pipeline", week: 6, title: "the pipeline data -> training -> validation -> deployment" },
  { id: "w6.tracking", week: 6, title: "experiment tracking (MLflow)" },
  { id: "w6.monitoring", week: 6, title: "model monitoring (drift, latency, failure handling)" },
  { id: "w6.cicd", week: 6, title: "CI/CD for ML (build and push an image)" },
  { id: "w6.checkpoint", week: 6, title: "training and deployment automated with MLflow and GitHub Actions" },
  { id: "w7.model", week: 7, title: "a classification model, exported" },
  { id: "w7.api", week: 7, title: "an API with /predict, JSON in and out, validation, error handling" },
  { id: "w7.docker", week: 7, title: "a slim image and docker-compose for local dev" },
  {
    id: "w7.k8s",
    week: 7,
    title: "manifests (deployment, service, configmap) with resources and probes, tested on minikube",
  },
  { id: "w7.aws", week: 7, title: "EKS deployment (kubectl, IAM roles, load balancer), endpoint validated" },
  {
    id: "w7.checkpoint",
    week: 7,
    title: "the deliverables (documented repo with screenshots, Dockerfile, compose, K8s manifests, CLI walkthrough)",
  },
  { id: "w8.review-ml", week: 8, title: "ML concepts (bias-variance, overfitting, evaluation metrics)" },
  {
    id: "w8.aws-exams",
    week: 8,
    title: "Cloud Practitioner and AI Practitioner practice questions (written for this workspace, not copied)",
  },
  { id: "w8.docker-k8s", week: 8, title: "Docker and K8s commands, YAML, scaling" },
  {
    id: "w8.clf-breadth",
    week: 8,
    title:
      "Cloud Practitioner breadth: cloud concepts and the Well-Architected pillars, the shared responsibility model, core services beyond this plan's, pricing models (on-demand, Savings Plans, Reserved, Spot), billing and cost tools, support plans, Organizations",
  },
  {
    id: "w8.aif-genai",
    week: 8,
    title:
      "AI Practitioner: foundation models and generative AI (tokens, embeddings, prompting, retrieval-augmented generation, fine-tuning), Amazon Bedrock with its guardrails and knowledge bases, responsible AI (bias, explainability, SageMaker Clarify), AI security and governance",
  },
  {
    id: "w8.interviews",
    week: 8,
    title:
      "the plan's 12 mock interview questions, each with a model answer and a pointer to where the workspace teaches it",
  },
] as const;

export type TopicId = (typeof TOPICS)[number]["id"];

const IDS: ReadonlySet<string> = new Set(TOPICS.map((t) => t.id));

export function isTopicId(id: string): id is TopicId {
  return IDS.has(id);
}
