/**
 * How the JUnit extension works: declarations, the simulation's scope in the extension store, the
 * zero-code swap's system properties and resource lock, messages. <strong>Not API</strong>: anything here
 * may change in any release.
 */
package io.github.awssim.junit.internal;
