package io.github.awssim.core.internal;

import io.github.awssim.core.internal.model.ServiceModels;
import java.time.Duration;
import java.util.TreeSet;

/**
 * Every user-facing message of awssim-core, in one place. Each names the service, operation or member
 * at fault and says how to fix it.
 */
public final class Messages {
    private Messages() {
    }

    private static String simulated() {
        return String.join(", ", new TreeSet<>(ServiceModels.RESOURCES.keySet()));
    }

    public static String clockCannotGoBack(Duration d) {
        return "awssim: SimulationClock.advance(" + d + ") would move time backwards; "
            + "use clock.set(instant) to go back in time on purpose.";
    }

    public static String serviceNotSimulated(String service, Class<?> clientInterface) {
        return "awssim: " + service + " is not simulated: no backend is registered for " + clientInterface.getSimpleName()
            + ". awssim ships simulators for " + simulated() + ". To simulate " + service
            + ", implement the operations you need and register them:\n"
            + "    sim.register(" + clientInterface.getSimpleName() + ".class, new " + clientInterface.getSimpleName()
            + "() {\n        public String serviceName() { return \"" + service + "\"; }\n"
            + "        public void close() { }\n        // ... the operations your code calls\n    });";
    }

    public static String operationNotSimulated(String service, String operation, Class<?> clientInterface,
                                               Object backend, String method, String requestType) {
        return "awssim: " + service + "." + operation + " is not simulated: the backend registered for "
            + clientInterface.getSimpleName() + " (" + backend.getClass().getName() + ") does not implement "
            + method + "(" + requestType + "). Implement it in your backend, or wrap the backend and answer it:\n"
            + "    " + clientInterface.getSimpleName() + " backend = sim.backend(" + clientInterface.getSimpleName() + ".class);\n"
            + "    sim.register(" + clientInterface.getSimpleName() + ".class, new " + clientInterface.getSimpleName()
            + "() { /* delegate to backend, and implement " + method + " */ });";
    }

    public static String noBackend(Class<?> clientInterface) {
        return "awssim: no backend for " + clientInterface.getName() + ". awssim ships simulators for " + simulated()
            + "; register one for any other service with sim.register(" + clientInterface.getSimpleName() + ".class, impl).";
    }

    public static String notAClientInterface(Class<?> type) {
        return "awssim: " + type.getName() + " is not an AWS SDK sync client interface. Pass the interface the SDK "
            + "generates for the service, e.g. MarketplaceMeteringClient.class (not the async interface, not a "
            + "Default... class).";
    }

    public static String backendNotAnInstance(Class<?> clientInterface, Object backend) {
        return "awssim: cannot register a " + backend.getClass().getName() + " for " + clientInterface.getName()
            + ": it does not implement that interface.";
    }

    public static String backendFailure(String service, String operation, Object backend, Throwable t) {
        return "awssim: the backend for " + service + "." + operation + " (" + backend.getClass().getName() + ") threw "
            + t + ". A backend answers with a response or throws the service's own exceptions (subclasses of "
            + service + "Exception); the original throwable is the cause of this error in sim.journal().";
    }

    public static String backendReturnedNothing(String service, String operation, Object backend) {
        return "awssim: the backend for " + service + "." + operation + " (" + backend.getClass().getName()
            + ") returned null. Return a response, e.g. " + operation + "Response.builder().build(), or throw the "
            + "service's exception.";
    }

    public static String backendSkippedTransformer(String service, String operation, Object backend, String method) {
        return "awssim: the backend for " + service + "." + operation + " (" + backend.getClass().getName()
            + ") returned without handing its response to the ResponseTransformer. A streaming operation answers by "
            + "calling it: return transformer.transform(response, AbortableInputStream.create(body)); in " + method
            + "(request, transformer).";
    }

    public static String simulationClosed(String service, String operation) {
        return "awssim: " + service + "." + operation + " reached a simulation that is closed. Keep the simulation "
            + "open for as long as clients bound to it are used.";
    }

    public static String badAccountId(String accountId) {
        return "awssim: account id '" + accountId + "' is not 12 digits; AWS account ids look like 123456789012.";
    }

    public static String badJournalCapacity(int capacity) {
        return "awssim: journal capacity " + capacity + " must be at least 1.";
    }

    public static String noExecution() {
        return "awssim: the journal is empty: no call has reached this simulation.";
    }

    // ---- stubs ---------------------------------------------------------------------------------

    public static String stubTimes(String stub, int n) {
        return "awssim: times(" + n + ") on " + stub + ": a stubbed answer takes at least one call; use once() or times(2), ...";
    }

    public static String stubWrongResponse(String operation, Class<?> given, String expected) {
        return "awssim: a stub of " + operation + " cannot answer with a " + given.getSimpleName() + ": " + operation
            + " answers " + expected.substring(expected.lastIndexOf('.') + 1) + ", e.g. .respond("
            + expected.substring(expected.lastIndexOf('.') + 1) + ".builder()...build())";
    }

    public static String stubInvalidAnswer(String operation, Class<?> type,
                                           java.util.List<io.github.awssim.core.internal.model.ConstraintValidator.Violation> v) {
        StringBuilder b = new StringBuilder("awssim: the ").append(type.getSimpleName()).append(" stubbed for ").append(operation)
            .append(" is not one the service could send:");
        for (io.github.awssim.core.internal.model.ConstraintValidator.Violation x : v) {
            b.append("\n  - ").append(x.path()).append(": ").append(x.constraint())
                .append(x.value() == null ? "" : " (was '" + x.value() + "')");
        }
        return b.append("\nGive each member a value the model allows, on the builder: e.g. ").append(type.getSimpleName()).append(".builder().")
            .append(v.get(0).path().split("\\.")[0]).append("(...)").toString();
    }

    public static String stubForeignException(String operation, Class<?> given, Class<?> base) {
        return "awssim: a stub of " + operation + " cannot throw " + given.getName() + ": it is not an exception of this "
            + "service. Throw a subclass of " + base.getSimpleName() + ".";
    }

    public static String stubUnmodeledWithoutCode(String operation, Class<?> base) {
        return "awssim: a stub of " + operation + " throws a bare " + base.getSimpleName() + " without an error code. "
            + "Give the code the service sends: " + base.getSimpleName() + ".builder().message(\"...\").statusCode(400)"
            + ".awsErrorDetails(AwsErrorDetails.builder().errorCode(\"SomeCode\").build()).build()";
    }

    public static String stubUnmodeledError(String operation, Class<?> given, java.util.List<String> modeled, Class<?> base) {
        return "awssim: a stub of " + operation + " throws " + given.getSimpleName() + ", which " + operation
            + " does not model; it models " + modeled + ". To answer an error the model does not list, throw "
            + base.getSimpleName() + " with that error code (awsErrorDetails(...errorCode(\"Code\")...)).";
    }

    public static String notARequestType(Class<?> type) {
        return "awssim: " + type.getName() + " is not a request type of an AWS SDK v2 service (e.g. MeterUsageRequest).";
    }

    public static String stubAnswerFailed(String stub, Throwable t) {
        return "awssim: " + stub + " threw " + t + " while computing its answer. An answer function returns the "
            + "operation's response or throws the service's own exceptions.";
    }

    public static String stubConditionFailed(String stub, String operation, Throwable t) {
        return "awssim: " + stub + " threw " + t + " while testing whether it matches a call of " + operation
            + "; a stub's condition returns true or false for every request of its type (members may be null or empty).";
    }

    public static String faultRuleConditionFailed(String rule, long seed, String operation, Throwable t) {
        return "awssim: " + rule + " threw " + t + " while testing whether it targets a call of " + operation
            + " (seed " + seed + "); a fault rule's condition returns true or false for every request of its type "
            + "(members may be null or empty).";
    }

    public static String stubAnswerWrong(String stub, Object answer, String operation) {
        return "awssim: " + stub + " computed " + (answer == null ? "null" : "a " + answer.getClass().getSimpleName())
            + " for " + operation + "; it must return the operation's response.";
    }


    public static String mockitoMissing() {
        return "awssim: spyBackend needs Mockito on the classpath: add org.mockito:mockito-core (test scope).";
    }

    public static String mockitoFailed(Object target, Throwable t) {
        return "awssim: Mockito could not spy on " + target.getClass().getName() + ": " + t;
    }
}
