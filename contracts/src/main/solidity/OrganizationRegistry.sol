// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title OrganizationRegistry
/// @notice Which institutions take part in the platform, the chain accounts that act for them
///         and the platform roles they hold. Governed by a single admin (the deployer at first).
/// @dev    Organization ids are opaque bytes32 values chosen by the caller (the platform
///         encodes the organization alias). An account belongs to at most one organization,
///         for ever: accounts are never reassigned, so past signatures stay attributable.
contract OrganizationRegistry {
    // Role bits, in the order of the platform roles (io.datatoken.domain.organization.PlatformRole).
    uint8 public constant DATA_PROVIDER = 1;
    uint8 public constant COMPUTE_PROVIDER = 2;
    uint8 public constant ALGORITHM_PROVIDER = 4;
    uint8 public constant DATA_USER = 8;
    uint8 public constant REGULATOR = 16;
    uint8 public constant ALL_ROLES = 31;

    struct Organization {
        bool registered;
        bool suspended;
        uint8 roles;
        address[] accounts;
    }

    address public admin;
    address public pendingAdmin;

    mapping(bytes32 => Organization) private organizations;
    mapping(address => bytes32) private organizationOfAccount;

    error NotAdmin(address caller);
    error NotPendingAdmin(address caller);
    error ZeroAddress();
    error ZeroOrganizationId();
    error InvalidRoles(uint8 roles);
    error OrganizationExists(bytes32 orgId);
    error UnknownOrganization(bytes32 orgId);
    error AccountTaken(address account);
    error AlreadySuspended(bytes32 orgId);
    error NotSuspended(bytes32 orgId);

    event AdminTransferStarted(address indexed currentAdmin, address indexed pendingAdmin);
    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);
    event OrganizationRegistered(bytes32 indexed orgId, address indexed account, uint8 roles);
    event AccountAdded(bytes32 indexed orgId, address indexed account);
    event RolesChanged(bytes32 indexed orgId, uint8 previousRoles, uint8 newRoles);
    event OrganizationSuspended(bytes32 indexed orgId);
    event OrganizationReinstated(bytes32 indexed orgId);

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        _;
    }

    constructor() {
        admin = msg.sender;
        emit AdminTransferred(address(0), msg.sender);
    }

    // ---- administration -------------------------------------------------------------------

    /// @notice First step of an admin hand-over; the new admin must call acceptAdmin.
    ///         Two steps, so a mistyped address cannot lock the registry.
    function transferAdmin(address newAdmin) external onlyAdmin {
        if (newAdmin == address(0)) revert ZeroAddress();
        pendingAdmin = newAdmin;
        emit AdminTransferStarted(msg.sender, newAdmin);
    }

    function acceptAdmin() external {
        if (msg.sender != pendingAdmin) revert NotPendingAdmin(msg.sender);
        address previous = admin;
        admin = msg.sender;
        pendingAdmin = address(0);
        emit AdminTransferred(previous, msg.sender);
    }

    // ---- organizations --------------------------------------------------------------------

    function registerOrganization(bytes32 orgId, address account, uint8 roles) external onlyAdmin {
        if (orgId == bytes32(0)) revert ZeroOrganizationId();
        if (organizations[orgId].registered) revert OrganizationExists(orgId);
        _requireValidRoles(roles);
        Organization storage org = organizations[orgId];
        org.registered = true;
        org.roles = roles;
        _claim(orgId, org, account);
        emit OrganizationRegistered(orgId, account, roles);
    }

    function addAccount(bytes32 orgId, address account) external onlyAdmin {
        Organization storage org = _known(orgId);
        _claim(orgId, org, account);
        emit AccountAdded(orgId, account);
    }

    function setRoles(bytes32 orgId, uint8 roles) external onlyAdmin {
        Organization storage org = _known(orgId);
        _requireValidRoles(roles);
        uint8 previous = org.roles;
        org.roles = roles;
        emit RolesChanged(orgId, previous, roles);
    }

    /// @notice A suspended organization keeps its accounts but holds no role until reinstated.
    function suspendOrganization(bytes32 orgId) external onlyAdmin {
        Organization storage org = _known(orgId);
        if (org.suspended) revert AlreadySuspended(orgId);
        org.suspended = true;
        emit OrganizationSuspended(orgId);
    }

    function reinstateOrganization(bytes32 orgId) external onlyAdmin {
        Organization storage org = _known(orgId);
        if (!org.suspended) revert NotSuspended(orgId);
        org.suspended = false;
        emit OrganizationReinstated(orgId);
    }

    // ---- views ----------------------------------------------------------------------------

    /// @return the organization the account acts for, or bytes32(0) if none.
    function organizationOf(address account) external view returns (bytes32) {
        return organizationOfAccount[account];
    }

    function isRegistered(bytes32 orgId) external view returns (bool) {
        return organizations[orgId].registered;
    }

    function isActive(bytes32 orgId) public view returns (bool) {
        Organization storage org = organizations[orgId];
        return org.registered && !org.suspended;
    }

    /// @return the role bits granted to the organization (0 if unknown), suspended or not.
    function rolesOf(bytes32 orgId) external view returns (uint8) {
        return organizations[orgId].roles;
    }

    function accountsOf(bytes32 orgId) external view returns (address[] memory) {
        return organizations[orgId].accounts;
    }

    /// @return true if the account acts for an active organization holding every bit of `role`.
    function hasRole(address account, uint8 role) external view returns (bool) {
        bytes32 orgId = organizationOfAccount[account];
        if (role == 0 || orgId == bytes32(0) || !isActive(orgId)) return false;
        return organizations[orgId].roles & role == role;
    }

    // ---- internals ------------------------------------------------------------------------

    function _known(bytes32 orgId) private view returns (Organization storage org) {
        org = organizations[orgId];
        if (!org.registered) revert UnknownOrganization(orgId);
    }

    function _claim(bytes32 orgId, Organization storage org, address account) private {
        if (account == address(0)) revert ZeroAddress();
        if (organizationOfAccount[account] != bytes32(0)) revert AccountTaken(account);
        organizationOfAccount[account] = orgId;
        org.accounts.push(account);
    }

    function _requireValidRoles(uint8 roles) private pure {
        if (roles == 0 || roles & ~ALL_ROLES != 0) revert InvalidRoles(roles);
    }
}
