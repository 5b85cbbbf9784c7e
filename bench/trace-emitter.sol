// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// The log set of ./datatoken bench trace's 2021-style lineage query: DataTokenRegistry's
/// TokenRegistered event (same signature, same ABI encoding of its data), emitted many to a
/// transaction and without the registry's checks, so that 100k of them are on a chain in seconds.
contract TraceEmitter {
    event TokenRegistered(bytes32 indexed dt, bytes32 indexed owner, uint8 kind, string storagePath, bytes32 proof,
        bytes32[] children);

    /// @param paths every token's storage path, each `pathLength` bytes, end to end
    /// @param children every token's children, end to end; counts[i] of them are token i's
    function registerMany(bytes32[] calldata dts, bytes32[] calldata owners, bytes calldata paths, uint256 pathLength,
        bytes32[] calldata children, uint256[] calldata counts) external
    {
        uint256 next = 0;
        for (uint256 i = 0; i < dts.length; i++) {
            _emit(dts[i], owners[i], string(paths[i * pathLength:(i + 1) * pathLength]), children[next:next + counts[i]]);
            next += counts[i];
        }
    }

    function _emit(bytes32 dt, bytes32 owner, string calldata path, bytes32[] calldata children) private {
        emit TokenRegistered(dt, owner, children.length == 0 ? 0 : 2, path, keccak256(bytes(path)), children);
    }
}
