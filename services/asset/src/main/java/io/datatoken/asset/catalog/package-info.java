/**
 * The asset catalog: the searchable, organization-scoped copy of registered Data Tokens.
 */
package io.datatoken.asset.catalog;
