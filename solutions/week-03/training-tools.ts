// Reference solution for exercises/week-03/training-tools.ts.

function checkFan(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number >= 1, got ${n}`);
}

export function heStd(fanIn: number): number {
  checkFan("fanIn", fanIn);
  // ReLU zeroes half of its inputs, halving the variance; a variance of 2/fanIn per weight makes up for it.
  return Math.sqrt(2 / fanIn);
}

export function glorotStd(fanIn: number, fanOut: number): number {
  checkFan("fanIn", fanIn);
  checkFan("fanOut", fanOut);
  return Math.sqrt(2 / (fanIn + fanOut));
}

export interface EarlyStoppingOptions {
  patience: number;
  minDelta?: number;
}

export class EarlyStopping {
  private readonly patience: number;
  private readonly minDelta: number;
  private epoch = -1;
  private best = -1;
  private bestValue = Number.POSITIVE_INFINITY;
  private waited = 0;

  constructor(options: EarlyStoppingOptions) {
    const { patience, minDelta = 0 } = options;
    if (!Number.isInteger(patience) || patience < 1)
      throw new Error(`patience must be a whole number >= 1, got ${patience}`);
    if (!(minDelta >= 0) || !Number.isFinite(minDelta))
      throw new Error(`minDelta must be a finite number >= 0, got ${minDelta}`);
    this.patience = patience;
    this.minDelta = minDelta;
  }

  update(valLoss: number): boolean {
    this.epoch++;
    if (!Number.isFinite(valLoss)) return true;
    if (valLoss < this.bestValue - this.minDelta) {
      this.bestValue = valLoss;
      this.best = this.epoch;
      this.waited = 0;
      return false;
    }
    this.waited++;
    return this.waited >= this.patience;
  }

  get bestEpoch(): number {
    return this.best;
  }

  get bestLoss(): number {
    return this.bestValue;
  }
}

export interface CosineScheduleOptions {
  lrMax: number;
  lrMin?: number;
  warmupEpochs?: number;
  totalEpochs: number;
}

export function cosineLr(epoch: number, options: CosineScheduleOptions): number {
  const { lrMax, lrMin = 0, warmupEpochs = 0, totalEpochs } = options;
  if (!(lrMax > 0) || !Number.isFinite(lrMax)) throw new Error(`lrMax must be a positive number, got ${lrMax}`);
  if (!(lrMin >= 0 && lrMin <= lrMax)) throw new Error(`lrMin must be between 0 and lrMax, got ${lrMin}`);
  if (!Number.isInteger(warmupEpochs) || warmupEpochs < 0)
    throw new Error(`warmupEpochs must be a whole number >= 0, got ${warmupEpochs}`);
  if (!Number.isInteger(totalEpochs) || totalEpochs <= warmupEpochs) {
    throw new Error(`totalEpochs must be a whole number above warmupEpochs (${warmupEpochs}), got ${totalEpochs}`);
  }
  if (!Number.isInteger(epoch) || epoch < 0 || epoch >= totalEpochs)
    throw new Error(`epoch must be a whole number from 0 to ${totalEpochs - 1}, got ${epoch}`);
  if (epoch < warmupEpochs) return (lrMax * (epoch + 1)) / warmupEpochs;
  const t = (epoch - warmupEpochs) / (totalEpochs - warmupEpochs);
  return lrMin + ((lrMax - lrMin) * (1 + Math.cos(Math.PI * t))) / 2;
}
