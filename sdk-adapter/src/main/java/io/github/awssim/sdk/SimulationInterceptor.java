package io.github.awssim.sdk;

import io.github.awssim.core.internal.LiveSimulations;
import io.github.awssim.sdk.internal.CallNote;
import io.github.awssim.sdk.internal.CallNotes;
import io.github.awssim.sdk.internal.FaultNotes;
import io.github.awssim.sdk.internal.SafetyNet;
import software.amazon.awssdk.core.SdkProtocolMetadata;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * awssim's execution interceptor. The SDK loads it into every client it builds while
 * {@code awssim-sdk-adapter} is on the classpath (through the SDK's
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} file); there is nothing to
 * configure. While a simulation is open it:
 * <ul>
 *   <li>notes each call's service, operation and typed request ({@code beforeExecution}) and tags the
 *       HTTP request with a call id ({@code modifyHttpRequest}), so {@link SimulatedHttpClient} can
 *       answer services awssim ships no model for (calls whose wire alone says it all, awsJson services
 *       awssim ships a model for, go untagged);</li>
 *   <li>stops any attempt bound for a real AWS endpoint through another HTTP client, with an
 *       {@code awssim:} error ({@code beforeTransmission}; disable with {@code -Dawssim.safetyNet=off});</li>
 *   <li>adds the fault rule and seed to a failure a fault caused but the SDK words alone: a garbled body,
 *       a proxy's 503 page, an attempt timeout after a stalled body or real latency ({@code modifyException}).</li>
 * </ul>
 * With no simulation open it does nothing. Stateless: per-call data lives in execution attributes.
 */
public final class SimulationInterceptor implements ExecutionInterceptor {
    private static final ExecutionAttribute<CallNote> NOTE = new ExecutionAttribute<>("awssim.CallNote");

    /** Public for the SDK's classpath loader, which instantiates it per client. */
    public SimulationInterceptor() {
    }

    @Override
    @SuppressWarnings("deprecation") // PRESIGNER_EXPIRATION is the one attribute that marks a presign in 2.40.2
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!LiveSimulations.anyActive() || !CallNotes.needed(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
            return;
        }
        if (attributes.getAttribute(software.amazon.awssdk.auth.signer.AwsSignerExecutionAttribute.PRESIGNER_EXPIRATION) != null) {
            // A presigner runs the interceptors but never transmits: a call-id header would only end up in the
            // URL's SignedHeaders, and whoever fetches the URL identifies the call from the wire.
            return;
        }
        SdkProtocolMetadata protocol = attributes.getAttribute(SdkInternalExecutionAttribute.PROTOCOL_METADATA);
        attributes.putAttribute(NOTE, new CallNote(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
            protocol == null ? null : protocol.serviceProtocol(), context.request()));
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        CallNote note = attributes.getAttribute(NOTE);
        if (note == null) {
            return context.httpRequest();
        }
        String id = CallNotes.file(note, context.request());
        return context.httpRequest().toBuilder().putHeader(CallNotes.HEADER, id).build();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SafetyNet.check(context.httpRequest(), attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), SimulatedHttpClient.CLIENT_NAME);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        CallNotes.discard(attributes.getAttribute(NOTE));
        FaultNotes.forget(context.httpRequest());
    }

    /** A failure the SDK words alone (a garbled body, a proxy page, a timeout) gets the fault rule and seed that caused it. */
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        return FaultNotes.explain(context.httpRequest().orElse(null), context.exception());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        CallNotes.discard(attributes.getAttribute(NOTE));
    }
}
