// Reference solution for exercises/week-03/moons-classifier.ts: a small ReLU network in TensorFlow.js.
import * as tf from "@tensorflow/tfjs";

export type MoonsPredict = (X: number[][]) => number[] | Promise<number[]>;

export async function trainMoonsClassifier(XTrain: number[][], yTrain: number[]): Promise<MoonsPredict> {
  const model = tf.sequential();
  // He initialization for the ReLU layers, Glorot for the sigmoid output; each layer its own seed.
  model.add(
    tf.layers.dense({
      inputShape: [2],
      units: 32,
      activation: "relu",
      kernelInitializer: tf.initializers.heNormal({ seed: 1 }),
    }),
  );
  model.add(
    tf.layers.dense({ units: 32, activation: "relu", kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }),
  );
  model.add(
    tf.layers.dense({ units: 1, activation: "sigmoid", kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }),
  );
  model.compile({ optimizer: tf.train.adam(0.02), loss: "binaryCrossentropy" });
  const xs = tf.tensor2d(XTrain);
  const ys = tf.tensor2d(yTrain.map((v) => [v]));
  // Full-batch steps: no shuffling to seed, and 300 of them are plenty for 450 points in two dimensions.
  await model.fit(xs, ys, { epochs: 300, batchSize: XTrain.length, shuffle: false, verbose: 0 });
  tf.dispose([xs, ys]);
  return (X) => {
    const p = tf.tidy(() => (model.predict(tf.tensor2d(X)) as tf.Tensor).dataSync());
    return Array.from(p, (v) => (v >= 0.5 ? 1 : 0));
  };
}
