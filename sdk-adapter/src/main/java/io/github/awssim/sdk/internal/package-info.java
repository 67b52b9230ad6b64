/**
 * How awssim sits under real SDK clients: call resolution, notes from the interceptor, the safety net,
 * virtual backoff. <strong>Not API</strong>: anything here may change in any release.
 */
package io.github.awssim.sdk.internal;
