/**
 * awssim's engine internals. <strong>Not API</strong>: anything here may change in any release.
 * Other awssim modules use these types; applications and tests should not.
 */
package io.github.awssim.core.internal;
