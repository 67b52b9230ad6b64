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
}
