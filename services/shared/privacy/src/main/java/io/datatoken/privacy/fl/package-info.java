/**
 * Scenario S2: federated logistic regression over users' devices. {@code edge-train} is
 * {@link io.datatoken.privacy.fl.EdgeDevice} (local epochs of Smile's logistic regression from the
 * global weights); {@code fed-avg} is {@link io.datatoken.privacy.fl.FedAvgNode}, which averages the
 * updates weighted by sample counts and learns them only as a sum through
 * {@link io.datatoken.privacy.secagg secure aggregation}.
 */
package io.datatoken.privacy.fl;
