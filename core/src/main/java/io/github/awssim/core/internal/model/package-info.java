/**
 * The AWS service models awssim ships (member constraints, HTTP bindings, error shapes), read at run
 * time from compact resources generated from botocore's {@code service-2.json}. <strong>Not API.</strong>
 */
package io.github.awssim.core.internal.model;
