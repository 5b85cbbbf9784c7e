package io.datatoken.domain.asset;

/** What a Data Token stands for: a dataset, a compute resource, or an algorithm composed over other assets. */
public enum AssetKind {
    DATA,
    COMPUTE,
    ALGORITHM
}
