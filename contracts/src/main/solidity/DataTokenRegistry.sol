// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {OrganizationRegistry} from "./OrganizationRegistry.sol";

/// @title DataTokenRegistry
/// @notice Data Tokens (DTs): every asset of the platform, owned by an ORGANIZATION (any of its
///         accounts acts for it) or by one of its END USERS (scenario S2: only that user's own
///         account acts for it), possibly composed of child DTs, and the grants by which each
///         child's owner authorizes a parent to use it.
/// @dev    A DT is active iff its owner organization is active (registered, not suspended, not
///         removed), every child granted it a live (not revoked, not expired) grant and every
///         child is itself active: one missing, revoked or expired grant, or one suspended or
///         removed owner, anywhere below deactivates everything above it (the 2021 prototype
///         activated a composed DT with a missing child grant). Children never change after
///         registration, so the depth and size of every tree are fixed and bounded at
///         registration, which bounds isActive.
///         An end user's DT is a DATA leaf recorded under the user's organization (so activation,
///         suspension and removal work as for any DT) with the user id and account that registered
///         it: the organization can never give consent for it, only withdraw its use (by being
///         suspended or removed, or by removing the user).
contract DataTokenRegistry {
    uint8 public constant DATA = 0;
    uint8 public constant COMPUTE = 1;
    uint8 public constant ALGORITHM = 2;

    /// Longest chain of children below a DT (a leaf has depth 0).
    uint256 public constant MAX_DEPTH = 8;
    uint256 public constant MAX_CHILDREN = 16;
    /// Most DTs (with repetitions) isActive may visit for one DT, the DT itself included.
    uint256 public constant MAX_TREE_SIZE = 64;
    uint256 public constant MAX_STORAGE_PATH_LENGTH = 128;

    struct DataToken {
        bytes32 owner; // organization id in the OrganizationRegistry
        uint8 kind;
        string storagePath; // CID of the DDO
        bytes32 proof; // sha-256 of the canonical DDO
        bytes32[] children;
        uint64 registeredAt; // 0: not registered
        address endUserAccount; // the owning end user's account at registration; 0: owned by the organization
        bytes32 endUser; // the owning end user's id in the owner organization; 0: owned by the organization
    }

    struct Grant {
        uint64 grantedAt; // 0: never granted
        uint64 expiresAt; // 0: never expires
        bool revoked;
    }

    OrganizationRegistry public immutable organizations;

    mapping(bytes32 => DataToken) private tokens;
    mapping(bytes32 => uint8) private depthOf;
    mapping(bytes32 => uint16) private treeSizeOf;
    mapping(bytes32 => mapping(bytes32 => bool)) private isChildOf; // child => parent => listed
    mapping(bytes32 => mapping(bytes32 => Grant)) private grants; // child => parent => grant

    error ZeroAddress();
    error ZeroTokenId();
    error InvalidKind(uint8 kind);
    error NotProvider(address caller, uint8 kind);
    error TokenExists(bytes32 dt);
    error UnknownToken(bytes32 dt);
    error EmptyStoragePath();
    error StoragePathTooLong(uint256 length, uint256 max);
    error ZeroProof();
    error SelfChild(bytes32 dt);
    error DuplicateChild(bytes32 child);
    error TooManyChildren(uint256 count, uint256 max);
    error TooDeep(uint256 depth, uint256 max);
    error TreeTooLarge(uint256 size, uint256 max);
    error NotOwner(address caller, bytes32 dt);
    error OrganizationInactive(bytes32 orgId);
    error NotAChild(bytes32 child, bytes32 parent);
    error ExpiryInPast(uint64 expiresAt);
    error NoLiveGrant(bytes32 child, bytes32 parent);
    error NotEndUser(address caller);
    error NotProviderOrganization(bytes32 orgId, uint8 kind);
    error NotEndUserOwner(address caller, bytes32 dt, bytes32 endUser);

    event TokenRegistered(bytes32 indexed dt, bytes32 indexed owner, uint8 kind, string storagePath, bytes32 proof,
        bytes32[] children);
    event MetadataUpdated(bytes32 indexed dt, string storagePath, bytes32 proof);
    event Granted(bytes32 indexed child, bytes32 indexed parent, uint64 expiresAt, address grantedBy);
    event Revoked(bytes32 indexed child, bytes32 indexed parent, address revokedBy);
    /// Follows the DT's TokenRegistered in the same transaction when an end user registered it.
    event EndUserTokenRegistered(bytes32 indexed dt, bytes32 indexed owner, bytes32 indexed endUser, address account);

    constructor(OrganizationRegistry organizations_) {
        if (address(organizations_) == address(0)) revert ZeroAddress();
        organizations = organizations_;
    }

    // ---- changes --------------------------------------------------------------------------

    /// @notice Registers a DT owned by the caller's organization, which must be active and hold
    ///         the provider role of the kind (DATA/COMPUTE/ALGORITHM_PROVIDER).
    function register(bytes32 dt, uint8 kind, string calldata storagePath, bytes32 proof, bytes32[] calldata children)
        external
    {
        if (dt == bytes32(0)) revert ZeroTokenId();
        if (kind > ALGORITHM) revert InvalidKind(kind);
        if (!organizations.hasRole(msg.sender, _providerRole(kind))) revert NotProvider(msg.sender, kind);
        _requireNew(dt);
        _requireMetadata(storagePath, proof);
        if (children.length > MAX_CHILDREN) revert TooManyChildren(children.length, MAX_CHILDREN);

        uint256 depth = 0;
        uint256 size = 1;
        for (uint256 i = 0; i < children.length; i++) {
            bytes32 child = children[i];
            if (child == dt) revert SelfChild(dt);
            if (tokens[child].registeredAt == 0) revert UnknownToken(child);
            if (isChildOf[child][dt]) revert DuplicateChild(child);
            isChildOf[child][dt] = true;
            if (depthOf[child] + 1 > depth) depth = depthOf[child] + 1;
            size += treeSizeOf[child];
        }
        if (depth > MAX_DEPTH) revert TooDeep(depth, MAX_DEPTH);
        if (size > MAX_TREE_SIZE) revert TreeTooLarge(size, MAX_TREE_SIZE);

        bytes32 owner = organizations.organizationOf(msg.sender);
        DataToken storage token = _record(dt, owner, kind, storagePath, proof);
        token.children = children;
        depthOf[dt] = uint8(depth);
        treeSizeOf[dt] = uint16(size);
        emit TokenRegistered(dt, owner, kind, storagePath, proof, children);
    }

    /// @notice Registers a DATA leaf owned by the calling end user, under the end user's
    ///         organization, which must be active and hold DATA_PROVIDER (the organization offers
    ///         its users' data). Only this account acts for the DT from then on.
    function registerAsEndUser(bytes32 dt, string calldata storagePath, bytes32 proof) external {
        if (dt == bytes32(0)) revert ZeroTokenId();
        (bytes32 owner, bytes32 userId) = organizations.endUserOf(msg.sender);
        if (owner == bytes32(0)) revert NotEndUser(msg.sender);
        if (!organizations.isActive(owner)) revert OrganizationInactive(owner);
        uint8 role = _providerRole(DATA);
        if (organizations.rolesOf(owner) & role != role) revert NotProviderOrganization(owner, DATA);
        _requireNew(dt);
        _requireMetadata(storagePath, proof);

        DataToken storage token = _record(dt, owner, DATA, storagePath, proof);
        token.endUserAccount = msg.sender;
        token.endUser = userId;
        treeSizeOf[dt] = 1; // a leaf: depth 0
        emit TokenRegistered(dt, owner, DATA, storagePath, proof, new bytes32[](0));
        emit EndUserTokenRegistered(dt, owner, userId, msg.sender);
    }

    /// @notice Points the DT at a new DDO (new CID and proof); children and kind never change.
    function updateMetadata(bytes32 dt, string calldata storagePath, bytes32 proof) external {
        _requireActingOwner(dt);
        _requireMetadata(storagePath, proof);
        DataToken storage token = tokens[dt];
        token.storagePath = storagePath;
        token.proof = proof;
        emit MetadataUpdated(dt, storagePath, proof);
    }

    /// @notice The child's owner authorizes the parent to use the child, until expiresAt
    ///         (a unix time; 0 = until revoked). Granting again renews or replaces the grant.
    function grant(bytes32 child, bytes32 parent, uint64 expiresAt) external {
        _requireActingOwner(child);
        if (!isChildOf[child][parent]) revert NotAChild(child, parent);
        if (expiresAt != 0 && expiresAt <= block.timestamp) revert ExpiryInPast(expiresAt);
        grants[child][parent] = Grant(uint64(block.timestamp), expiresAt, false);
        emit Granted(child, parent, expiresAt, msg.sender);
    }

    /// @notice The child's owner withdraws a grant. Allowed even while the owner organization is
    ///         suspended, and to an end user's account even once the user or the organization was
    ///         removed: taking a permission back must never be blocked.
    function revoke(bytes32 child, bytes32 parent) external {
        DataToken storage token = _known(child);
        if (token.endUser != bytes32(0)) {
            if (msg.sender != token.endUserAccount) revert NotEndUserOwner(msg.sender, child, token.endUser);
        } else if (organizations.organizationOf(msg.sender) != token.owner) {
            revert NotOwner(msg.sender, child);
        }
        if (!isChildOf[child][parent]) revert NotAChild(child, parent);
        Grant storage existing = grants[child][parent];
        if (existing.grantedAt == 0 || existing.revoked) revert NoLiveGrant(child, parent);
        existing.revoked = true;
        emit Revoked(child, parent, msg.sender);
    }

    // ---- views ----------------------------------------------------------------------------

    /// @return the DT; registeredAt is 0 if it is not registered.
    function tokenOf(bytes32 dt) external view returns (DataToken memory) {
        return tokens[dt];
    }

    function isRegistered(bytes32 dt) external view returns (bool) {
        return tokens[dt].registeredAt != 0;
    }

    /// @return the grant of child to parent; grantedAt is 0 if there never was one.
    function grantOf(bytes32 child, bytes32 parent) external view returns (Grant memory) {
        return grants[child][parent];
    }

    /// @return true iff dt is registered and its whole tree is authorized now: the owner of every
    ///         DT in it is an active organization (and, for an end user's DT, the end user who
    ///         registered it still is one of it, with the same account), and every child gave its
    ///         parent a live grant.
    ///         A registered leaf is active while its owner is. Grants given by a suspended
    ///         organization's DT stay recorded but count again only once it is reinstated; those
    ///         of a removed organization's DT never count again.
    function isActive(bytes32 dt) external view returns (bool) {
        if (tokens[dt].registeredAt == 0) return false;
        return _isActive(dt);
    }

    /// @return true if dt is root itself or a token anywhere below it (root must be registered).
    function isPartOf(bytes32 dt, bytes32 root) external view returns (bool) {
        if (tokens[root].registeredAt == 0) return false;
        return _contains(root, dt);
    }

    /// @dev Bounded like _isActive.
    function _contains(bytes32 node, bytes32 dt) private view returns (bool) {
        if (node == dt) return true;
        bytes32[] storage children = tokens[node].children;
        for (uint256 i = 0; i < children.length; i++) {
            if (_contains(children[i], dt)) return true;
        }
        return false;
    }

    /// @dev Recursion depth is at most MAX_DEPTH and visits at most MAX_TREE_SIZE DTs (both
    ///      checked at registration, and children never change): at most two view calls to the
    ///      OrganizationRegistry per DT visited.
    function _isActive(bytes32 dt) private view returns (bool) {
        DataToken storage token = tokens[dt];
        if (!organizations.isActive(token.owner)) return false;
        if (token.endUser != bytes32(0) && !_isStillEndUser(token)) return false;
        bytes32[] storage children = token.children;
        for (uint256 i = 0; i < children.length; i++) {
            Grant storage g = grants[children[i]][dt];
            if (g.grantedAt == 0 || g.revoked) return false;
            if (g.expiresAt != 0 && g.expiresAt <= block.timestamp) return false;
            if (!_isActive(children[i])) return false;
        }
        return true;
    }

    // ---- internals ------------------------------------------------------------------------

    function _known(bytes32 dt) private view returns (DataToken storage token) {
        token = tokens[dt];
        if (token.registeredAt == 0) revert UnknownToken(dt);
    }

    function _requireNew(bytes32 dt) private view {
        if (tokens[dt].registeredAt != 0) revert TokenExists(dt);
    }

    function _record(bytes32 dt, bytes32 owner, uint8 kind, string calldata storagePath, bytes32 proof)
        private
        returns (DataToken storage token)
    {
        token = tokens[dt];
        token.owner = owner;
        token.kind = kind;
        token.storagePath = storagePath;
        token.proof = proof;
        token.registeredAt = uint64(block.timestamp);
    }

    /// An end user's DT: only the account that registered it, while still that end user of the
    /// owner (a user id the organization re-registered with another account is not the owner).
    /// An organization's DT: any account of the owner organization.
    function _requireActingOwner(bytes32 dt) private view {
        DataToken storage token = _known(dt);
        if (token.endUser != bytes32(0)) {
            if (msg.sender != token.endUserAccount || !_isStillEndUser(token)) {
                revert NotEndUserOwner(msg.sender, dt, token.endUser);
            }
        } else if (organizations.organizationOf(msg.sender) != token.owner) {
            revert NotOwner(msg.sender, dt);
        }
        if (!organizations.isActive(token.owner)) revert OrganizationInactive(token.owner);
    }

    function _isStillEndUser(DataToken storage token) private view returns (bool) {
        return organizations.endUserAccount(token.owner, token.endUser) == token.endUserAccount;
    }

    function _requireMetadata(string calldata storagePath, bytes32 proof) private pure {
        uint256 length = bytes(storagePath).length;
        if (length == 0) revert EmptyStoragePath();
        if (length > MAX_STORAGE_PATH_LENGTH) revert StoragePathTooLong(length, MAX_STORAGE_PATH_LENGTH);
        if (proof == bytes32(0)) revert ZeroProof();
    }

    function _providerRole(uint8 kind) private pure returns (uint8) {
        if (kind == DATA) return 1; // OrganizationRegistry.DATA_PROVIDER
        if (kind == COMPUTE) return 2; // COMPUTE_PROVIDER
        return 4; // ALGORITHM_PROVIDER
    }
}
