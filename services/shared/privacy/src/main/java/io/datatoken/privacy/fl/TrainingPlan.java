package io.datatoken.privacy.fl;

/**
 * How a device trains locally in each round: epochs of stochastic gradient steps over its rows in a fresh
 * shuffled order, at a learning rate that decays with the round ({@code rate / (1 + decay * (round - 1))}),
 * and the L2 penalty Smile applies per step.
 */
public record TrainingPlan(int epochs, double learningRate, double decay, double l2) {

    public TrainingPlan {
        if (epochs < 1 || learningRate <= 0 || decay < 0 || l2 < 0) {
            throw new IllegalArgumentException("invalid training plan");
        }
    }

    public double learningRateAt(long round) {
        return learningRate / (1 + decay * (round - 1));
    }
}
