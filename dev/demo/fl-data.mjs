// The labelled rows of the federated learning demos (fl, s2) and the model they are measured against:
// deterministic rows of three devices and a test set, and logistic regression trained on all rows at once.

import { seededRandom } from './platform.mjs';

export const FEATURES = 4;

/**
 * Deterministic labelled rows of three devices (400 each) and a test set (600): x ~ N(0, 1),
 * y ~ Bernoulli(sigmoid(w.x + b)) for a fixed w, b.
 */
export function demoRows() {
  const next = seededRandom(20261124);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const truth = [1.5, -2.0, 0.8, 0.0];
  const row = () => {
    const x = truth.map(() => Math.round(normal() * 1000) / 1000);
    const z = x.reduce((s, v, i) => s + v * truth[i], 0.3);
    return [...x, next() < 1 / (1 + Math.exp(-z)) ? 1 : 0];
  };
  return {
    devices: [0, 1, 2].map(() => Array.from({ length: 400 }, row)),
    test: Array.from({ length: 600 }, row),
  };
}

/** Logistic regression on every row at once, by full-batch gradient descent to convergence. */
export function centralModel(rows) {
  const w = new Array(FEATURES + 1).fill(0);
  for (let epoch = 0; epoch < 2000; epoch++) {
    const grad = new Array(FEATURES + 1).fill(0);
    for (const r of rows) {
      const z = r.slice(0, FEATURES).reduce((s, v, i) => s + v * w[i], w[FEATURES]);
      const err = 1 / (1 + Math.exp(-z)) - r[FEATURES];
      for (let i = 0; i < FEATURES; i++) grad[i] += err * r[i];
      grad[FEATURES] += err;
    }
    for (let i = 0; i <= FEATURES; i++) w[i] -= (0.5 * grad[i]) / rows.length;
  }
  return w;
}

export function accuracy(weights, rows) {
  const right = rows.filter((r) => {
    const z = r.slice(0, FEATURES).reduce((s, v, i) => s + v * weights[i], weights[FEATURES]);
    return (z >= 0 ? 1 : 0) === r[FEATURES];
  }).length;
  return right / rows.length;
}

export const csv = (rows) => `${['x1', 'x2', 'x3', 'x4', 'label'].join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`;

/** Federated training must come within this much test accuracy of training on all rows at once. */
export const TOLERANCE = 0.01;

/** Whether two accuracies on `rows` test rows differ by at most TOLERANCE, counted in rows (no float slack). */
export function withinTolerance(federated, central, rows) {
  return Math.abs(Math.round(federated * rows) - Math.round(central * rows)) <= Math.floor(TOLERANCE * rows + 1e-9);
}
