/**
 * Wire codecs generic over the SDK's {@code SdkPojo.sdkFields()} traits: they decode requests the SDK
 * marshalled and encode responses and errors the SDK unmarshals. <strong>Not API.</strong>
 */
package io.github.awssim.sdk.internal.wire;
