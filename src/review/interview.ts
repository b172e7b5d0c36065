/**
 * The study plan's 12 mock interview questions (Week 8), in the plan's order: easy, moderate, high-probability.
 * The bank holds one `free` question per id (review/questions/interview.yaml); the validator checks that all twelve
 * are there, and `npm run interview` asks them in this order.
 */
export const INTERVIEW_QUESTIONS = [
  { id: "interview-01", level: "easy", text: "What's the difference between supervised and unsupervised learning?" },
  { id: "interview-02", level: "easy", text: "What is a Dockerfile?" },
  { id: "interview-03", level: "easy", text: "What is a Kubernetes Pod?" },
  { id: "interview-04", level: "easy", text: "How do you evaluate a classification model?" },
  { id: "interview-05", level: "moderate", text: "Explain precision vs recall tradeoff." },
  { id: "interview-06", level: "moderate", text: "Walk me through deploying a containerized ML API." },
  { id: "interview-07", level: "moderate", text: "What happens when you run `kubectl apply -f deployment.yaml`?" },
  { id: "interview-08", level: "moderate", text: "How does SageMaker simplify ML workflows?" },
  { id: "interview-09", level: "high-probability", text: "Describe an ML project you've built end-to-end." },
  { id: "interview-10", level: "high-probability", text: "How would you handle model drift in production?" },
  { id: "interview-11", level: "high-probability", text: "How do you scale an ML inference API to handle traffic?" },
  { id: "interview-12", level: "high-probability", text: "What steps secure an AWS ML deployment?" },
] as const;

export const INTERVIEW_TOPIC = "w8.interviews";
