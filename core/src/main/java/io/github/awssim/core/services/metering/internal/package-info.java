/** The Marketplace Metering simulator's implementation. <strong>Not API.</strong> */
package io.github.awssim.core.services.metering.internal;
