// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title OrganizationRegistry
/// @notice Which institutions take part in the platform, the chain accounts that act for them,
///         the platform roles they hold, and the end users each organization keeps for itself
///         (scenario S2: a device vendor's users). Organizations are governed by a single admin
///         (the deployer at first); end users by their organization, without the admin.
/// @dev    Organization ids are opaque bytes32 values chosen by the caller (the platform
///         encodes the organization alias). An address is, at any time, at most one of: an
///         account of one organization, or an end user of one organization. The admin may
///         remove an account, which frees it; who an account acted for at a given block is
///         read from the AccountAdded / AccountRemoved / OrganizationRegistered events.
///         A removed organization is gone for good: its id can never be registered again, so
///         what it owns in other contracts (recorded by id) can never pass to a newcomer.
contract OrganizationRegistry {
    // Role bits, in the order of the platform roles (io.datatoken.domain.organization.PlatformRole).
    uint8 public constant DATA_PROVIDER = 1;
    uint8 public constant COMPUTE_PROVIDER = 2;
    uint8 public constant ALGORITHM_PROVIDER = 4;
    uint8 public constant DATA_USER = 8;
    uint8 public constant REGULATOR = 16;
    uint8 public constant ALL_ROLES = 31;

    struct Organization {
        bool registered; // registered and not removed
        bool suspended;
        bool removed; // the id is spent for ever
        uint8 roles;
        address[] accounts;
    }

    /// The end users an organization keeps; user ids are unique within the organization.
    struct UserRegistry {
        bytes32[] userIds; // unordered: removal swaps the last id into the gap
        mapping(bytes32 => address) accountOf;
        mapping(bytes32 => uint256) position; // index in userIds + 1; 0: no such user
    }

    struct EndUser {
        bytes32 orgId;
        bytes32 userId;
    }

    address public admin;
    address public pendingAdmin;

    mapping(bytes32 => Organization) private organizations;
    mapping(address => bytes32) private organizationOfAccount;
    mapping(bytes32 => UserRegistry) private userRegistries;
    /// Records whose organization was removed are stale: views ignore them and the address
    /// may join another organization (removal is O(1) however many users an organization has).
    mapping(address => EndUser) private endUserOfAccount;

    error NotAdmin(address caller);
    error NotPendingAdmin(address caller);
    error ZeroAddress();
    error ZeroOrganizationId();
    error InvalidRoles(uint8 roles);
    error OrganizationExists(bytes32 orgId);
    error UnknownOrganization(bytes32 orgId);
    error RemovedOrganization(bytes32 orgId);
    error AccountTaken(address account);
    error AccountIsEndUser(address account, bytes32 orgId);
    error AccountNotOfOrganization(bytes32 orgId, address account);
    error LastAccount(bytes32 orgId, address account);
    error AlreadySuspended(bytes32 orgId);
    error NotSuspended(bytes32 orgId);
    error NotOrganizationAccount(address caller);
    error OrganizationInactive(bytes32 orgId);
    error ZeroUserId();
    error EndUserExists(bytes32 orgId, bytes32 userId);
    error UnknownEndUser(bytes32 orgId, bytes32 userId);

    event AdminTransferStarted(address indexed currentAdmin, address indexed pendingAdmin);
    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);
    event OrganizationRegistered(bytes32 indexed orgId, address indexed account, uint8 roles);
    event AccountAdded(bytes32 indexed orgId, address indexed account);
    event AccountRemoved(bytes32 indexed orgId, address indexed account);
    event RolesChanged(bytes32 indexed orgId, uint8 previousRoles, uint8 newRoles);
    event OrganizationSuspended(bytes32 indexed orgId);
    event OrganizationReinstated(bytes32 indexed orgId);
    /// Preceded, in the same transaction, by one AccountRemoved per account it had.
    event OrganizationRemoved(bytes32 indexed orgId);
    event EndUserRegistered(bytes32 indexed orgId, bytes32 indexed userId, address indexed account,
        address registeredBy);
    event EndUserRemoved(bytes32 indexed orgId, bytes32 indexed userId, address indexed account, address removedBy);

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

    // ---- organizations (admin) ------------------------------------------------------------

    function registerOrganization(bytes32 orgId, address account, uint8 roles) external onlyAdmin {
        if (orgId == bytes32(0)) revert ZeroOrganizationId();
        Organization storage org = organizations[orgId];
        if (org.removed) revert RemovedOrganization(orgId);
        if (org.registered) revert OrganizationExists(orgId);
        _requireValidRoles(roles);
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

    /// @notice The account stops acting for the organization and is free to be used again.
    ///         The last account of an organization cannot be removed (remove the organization).
    function removeAccount(bytes32 orgId, address account) external onlyAdmin {
        Organization storage org = _known(orgId);
        if (organizationOfAccount[account] != orgId) revert AccountNotOfOrganization(orgId, account);
        address[] storage accounts = org.accounts;
        if (accounts.length == 1) revert LastAccount(orgId, account);
        // Shift the later accounts down, so accountsOf stays in the order they were added.
        uint256 i = 0;
        while (accounts[i] != account) i++;
        for (; i + 1 < accounts.length; i++) {
            accounts[i] = accounts[i + 1];
        }
        accounts.pop();
        delete organizationOfAccount[account];
        emit AccountRemoved(orgId, account);
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

    /// @notice Permanent deregistration: every account is freed, the roles withdrawn, the end
    ///         users dropped (their addresses are free to join another organization), and the
    ///         id can never be registered again.
    function removeOrganization(bytes32 orgId) external onlyAdmin {
        Organization storage org = _known(orgId);
        address[] storage accounts = org.accounts;
        for (uint256 i = 0; i < accounts.length; i++) {
            delete organizationOfAccount[accounts[i]];
            emit AccountRemoved(orgId, accounts[i]);
        }
        delete org.accounts;
        org.registered = false;
        org.suspended = false;
        org.removed = true;
        org.roles = 0;
        emit OrganizationRemoved(orgId);
    }

    // ---- end users (by the organization itself) -------------------------------------------

    /// @notice Registers an end user of the caller's organization, which must be active.
    function registerEndUser(bytes32 userId, address account) external {
        bytes32 orgId = _actingOrganization();
        if (userId == bytes32(0)) revert ZeroUserId();
        if (account == address(0)) revert ZeroAddress();
        UserRegistry storage users = userRegistries[orgId];
        if (users.position[userId] != 0) revert EndUserExists(orgId, userId);
        if (organizationOfAccount[account] != bytes32(0)) revert AccountTaken(account);
        bytes32 current = _endUserOrganization(account);
        if (current != bytes32(0)) revert AccountIsEndUser(account, current);
        users.userIds.push(userId);
        users.position[userId] = users.userIds.length;
        users.accountOf[userId] = account;
        endUserOfAccount[account] = EndUser(orgId, userId);
        emit EndUserRegistered(orgId, userId, account, msg.sender);
    }

    /// @notice Removes an end user of the caller's organization, which must be active.
    function removeEndUser(bytes32 userId) external {
        bytes32 orgId = _actingOrganization();
        UserRegistry storage users = userRegistries[orgId];
        uint256 position = users.position[userId];
        if (position == 0) revert UnknownEndUser(orgId, userId);
        bytes32 last = users.userIds[users.userIds.length - 1];
        users.userIds[position - 1] = last;
        users.position[last] = position;
        users.userIds.pop();
        delete users.position[userId];
        address account = users.accountOf[userId];
        delete users.accountOf[userId];
        delete endUserOfAccount[account];
        emit EndUserRemoved(orgId, userId, account, msg.sender);
    }

    // ---- views ----------------------------------------------------------------------------

    /// @return the organization the account acts for, or bytes32(0) if none.
    function organizationOf(address account) external view returns (bytes32) {
        return organizationOfAccount[account];
    }

    /// @return true while the organization is registered (suspended or not), false once removed.
    function isRegistered(bytes32 orgId) external view returns (bool) {
        return organizations[orgId].registered;
    }

    /// @return true if the organization was removed: its id can never be registered again.
    function isRemoved(bytes32 orgId) external view returns (bool) {
        return organizations[orgId].removed;
    }

    function isActive(bytes32 orgId) public view returns (bool) {
        Organization storage org = organizations[orgId];
        return org.registered && !org.suspended;
    }

    /// @return the role bits granted to the organization (0 if unknown or removed), suspended or not.
    function rolesOf(bytes32 orgId) external view returns (uint8) {
        return organizations[orgId].roles;
    }

    /// @return the accounts acting for the organization, in the order they were added.
    function accountsOf(bytes32 orgId) external view returns (address[] memory) {
        return organizations[orgId].accounts;
    }

    /// @return true if the account acts for an active organization holding every bit of `role`.
    function hasRole(address account, uint8 role) external view returns (bool) {
        bytes32 orgId = organizationOfAccount[account];
        if (role == 0 || orgId == bytes32(0) || !isActive(orgId)) return false;
        return organizations[orgId].roles & role == role;
    }

    /// @return orgId the organization the address is an end user of (bytes32(0) if none)
    /// @return userId its user id in that organization
    function endUserOf(address account) external view returns (bytes32 orgId, bytes32 userId) {
        orgId = _endUserOrganization(account);
        if (orgId != bytes32(0)) userId = endUserOfAccount[account].userId;
    }

    /// @return the address of the organization's end user, or address(0) if none.
    function endUserAccount(bytes32 orgId, bytes32 userId) public view returns (address) {
        if (organizations[orgId].removed) return address(0);
        return userRegistries[orgId].accountOf[userId];
    }

    function isEndUser(bytes32 orgId, address account) external view returns (bool) {
        return orgId != bytes32(0) && _endUserOrganization(account) == orgId;
    }

    /// @return how many end users the organization has (0 once removed).
    function endUserCount(bytes32 orgId) public view returns (uint256) {
        if (organizations[orgId].removed) return 0;
        return userRegistries[orgId].userIds.length;
    }

    /// @notice A page of the organization's end users, in no particular order (removals reorder).
    /// @return userIds at most `max` user ids from index `start`
    /// @return accounts their addresses, index for index
    function endUsersOf(bytes32 orgId, uint256 start, uint256 max)
        external
        view
        returns (bytes32[] memory userIds, address[] memory accounts)
    {
        uint256 count = endUserCount(orgId);
        uint256 size = start >= count ? 0 : (count - start < max ? count - start : max);
        UserRegistry storage users = userRegistries[orgId];
        userIds = new bytes32[](size);
        accounts = new address[](size);
        for (uint256 i = 0; i < size; i++) {
            userIds[i] = users.userIds[start + i];
            accounts[i] = users.accountOf[userIds[i]];
        }
    }

    // ---- internals ------------------------------------------------------------------------

    function _known(bytes32 orgId) private view returns (Organization storage org) {
        org = organizations[orgId];
        if (org.removed) revert RemovedOrganization(orgId);
        if (!org.registered) revert UnknownOrganization(orgId);
    }

    /// The active organization msg.sender acts for (never the transaction origin: a contract in between
    /// must not borrow its caller's organization).
    function _actingOrganization() private view returns (bytes32 orgId) {
        orgId = organizationOfAccount[msg.sender];
        if (orgId == bytes32(0)) revert NotOrganizationAccount(msg.sender);
        if (organizations[orgId].suspended) revert OrganizationInactive(orgId);
    }

    /// The organization the address is an end user of, ignoring records of removed organizations.
    function _endUserOrganization(address account) private view returns (bytes32 orgId) {
        orgId = endUserOfAccount[account].orgId;
        if (orgId != bytes32(0) && organizations[orgId].removed) orgId = bytes32(0);
    }

    function _claim(bytes32 orgId, Organization storage org, address account) private {
        if (account == address(0)) revert ZeroAddress();
        if (organizationOfAccount[account] != bytes32(0)) revert AccountTaken(account);
        bytes32 endUserOrg = _endUserOrganization(account);
        if (endUserOrg != bytes32(0)) revert AccountIsEndUser(account, endUserOrg);
        organizationOfAccount[account] = orgId;
        org.accounts.push(account);
    }

    function _requireValidRoles(uint8 roles) private pure {
        if (roles == 0 || roles & ~ALL_ROLES != 0) revert InvalidRoles(roles);
    }
}
