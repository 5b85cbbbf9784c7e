/**
 * Local datasets bound to the owner's Data Tokens. Where the data lives never leaves this node.
 */
package io.datatoken.compute.datasets;
