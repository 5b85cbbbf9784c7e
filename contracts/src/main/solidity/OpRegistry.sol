// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {OrganizationRegistry} from "./OrganizationRegistry.sol";

/// @title OpRegistry
/// @notice The trusted operations (ops) compute nodes may run: each one the sha-256 of its code
///         package, a (name, version) and the content address of the package. Published and
///         deprecated by the OrganizationRegistry's admin, read from that registry on every
///         call, so the platform has exactly one admin and one hand-over procedure.
/// @dev    Ops are never deleted: a deprecated op stays readable so past receipts remain
///         explainable, but it is no longer usable.
contract OpRegistry {
    uint256 public constant MAX_NAME_LENGTH = 64;
    uint256 public constant MAX_VERSION_LENGTH = 32;
    uint256 public constant MAX_CID_LENGTH = 128;

    struct Op {
        bytes32 opHash;
        string name;
        string version;
        string codeCid;
        bool deprecated;
        uint64 publishedAt; // 0: never published
    }

    OrganizationRegistry public immutable organizations;

    mapping(bytes32 => Op) private ops;
    // keccak256(name, version) => opHash: a (name, version) pair names one code package only.
    mapping(bytes32 => bytes32) private opOfNameVersion;
    // keccak256(name) => opHashes in publication order.
    mapping(bytes32 => bytes32[]) private versionsOfName;

    error ZeroAddress();
    error NotAdmin(address caller);
    error ZeroOpHash();
    error EmptyField(string field);
    error FieldTooLong(string field, uint256 length, uint256 max);
    error OpExists(bytes32 opHash);
    error VersionExists(string name, string version);
    error UnknownOp(bytes32 opHash);
    error AlreadyDeprecated(bytes32 opHash);

    event OpPublished(bytes32 indexed opHash, string name, string version, string codeCid);
    event OpDeprecated(bytes32 indexed opHash);

    modifier onlyAdmin() {
        if (msg.sender != organizations.admin()) revert NotAdmin(msg.sender);
        _;
    }

    constructor(OrganizationRegistry organizations_) {
        if (address(organizations_) == address(0)) revert ZeroAddress();
        organizations = organizations_;
    }

    function publish(bytes32 opHash, string calldata name, string calldata version, string calldata codeCid)
        external
        onlyAdmin
    {
        if (opHash == bytes32(0)) revert ZeroOpHash();
        _requireText("name", name, MAX_NAME_LENGTH);
        _requireText("version", version, MAX_VERSION_LENGTH);
        _requireText("codeCid", codeCid, MAX_CID_LENGTH);
        if (ops[opHash].publishedAt != 0) revert OpExists(opHash);
        bytes32 nameVersion = keccak256(abi.encode(name, version));
        if (opOfNameVersion[nameVersion] != bytes32(0)) revert VersionExists(name, version);

        ops[opHash] = Op(opHash, name, version, codeCid, false, uint64(block.timestamp));
        opOfNameVersion[nameVersion] = opHash;
        versionsOfName[keccak256(bytes(name))].push(opHash);
        emit OpPublished(opHash, name, version, codeCid);
    }

    /// @notice Stops an op from being used for new receipts; it stays readable.
    function deprecate(bytes32 opHash) external onlyAdmin {
        Op storage op = ops[opHash];
        if (op.publishedAt == 0) revert UnknownOp(opHash);
        if (op.deprecated) revert AlreadyDeprecated(opHash);
        op.deprecated = true;
        emit OpDeprecated(opHash);
    }

    // ---- views ----------------------------------------------------------------------------

    /// @return the op; publishedAt is 0 if it was never published.
    function opOf(bytes32 opHash) external view returns (Op memory) {
        return ops[opHash];
    }

    /// @return true if the op is published and not deprecated.
    function isUsable(bytes32 opHash) external view returns (bool) {
        Op storage op = ops[opHash];
        return op.publishedAt != 0 && !op.deprecated;
    }

    /// @return the most recently published, not deprecated op of that name, or bytes32(0).
    function latestVersionOf(string calldata name) external view returns (bytes32) {
        bytes32[] storage versions = versionsOfName[keccak256(bytes(name))];
        for (uint256 i = versions.length; i > 0; i--) {
            if (!ops[versions[i - 1]].deprecated) return versions[i - 1];
        }
        return bytes32(0);
    }

    /// @return every op published under that name, oldest first, deprecated or not.
    function versionsOf(string calldata name) external view returns (bytes32[] memory) {
        return versionsOfName[keccak256(bytes(name))];
    }

    function _requireText(string memory field, string calldata value, uint256 max) private pure {
        uint256 length = bytes(value).length;
        if (length == 0) revert EmptyField(field);
        if (length > max) revert FieldTooLong(field, length, max);
    }
}
