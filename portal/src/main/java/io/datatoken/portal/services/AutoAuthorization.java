package io.datatoken.portal.services;

/**
 * Whether an asset's owner authorizes compositions that meet its terms automatically
 * ({@code /asset/api/v1/assets/{dt}/auto-authorization}).
 */
public record AutoAuthorization(boolean enabled) {
}
