/**
 * Content-addressed documents: the {@link io.datatoken.domain.content.Cid} that names them and the
 * {@link io.datatoken.domain.content.ContentStore} port through which they are stored and read back verified.
 */
package io.datatoken.domain.content;
