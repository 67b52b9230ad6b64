package io.github.awssim.core;

import io.github.awssim.core.internal.Messages;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.internal.ServiceNames;
import io.github.awssim.core.internal.model.ConstraintValidator;
import io.github.awssim.core.internal.model.ConstraintValidator.Violation;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ServiceModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/** The stubs of one simulation, by request type, newest first; checks stubbed answers against the model. */
final class StubRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(Stubs.class);
    private static final int NEAR_MISSES_KEPT = 100;

    private final Map<Class<?>, List<Stub<?>>> byType = new ConcurrentHashMap<>();
    private final Deque<NearMiss> nearMisses = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();

    long nextId() {
        return ids.incrementAndGet();
    }

    void add(Stub<?> stub) {
        byType.computeIfAbsent(stub.requestType(), t -> new CopyOnWriteArrayList<>()).add(0, stub);
    }

    void remove(Stub<?> stub) {
        List<Stub<?>> list = byType.get(stub.requestType());
        if (list != null) {
            list.remove(stub);
        }
    }

    void clear() {
        byType.clear();
        synchronized (nearMisses) {
            nearMisses.clear();
        }
    }

    List<Stub<?>> all() {
        List<Stub<?>> out = new ArrayList<>();
        byType.values().forEach(out::addAll);
        out.sort((a, b) -> Long.compare(b.id(), a.id()));
        return out;
    }

    List<NearMiss> nearMisses() {
        synchronized (nearMisses) {
            return List.copyOf(nearMisses);
        }
    }

    String describe() {
        List<Stub<?>> all = all();
        return all.isEmpty() ? "no stubs" : all.size() + " stubs:\n  " + String.join("\n  ", all.stream().map(Stub::describe).toList());
    }

    /** What answers a call: a stub's step, or null with the near miss (if stubs exist) recorded. */
    static final class Match {
        final Stub<?> stub;
        final StubStep step;
        final NearMiss nearMiss;

        Match(Stub<?> stub, StubStep step, NearMiss nearMiss) {
            this.stub = stub;
            this.step = step;
            this.nearMiss = nearMiss;
        }
    }

    private static final Match NONE = new Match(null, null, null);

    @SuppressWarnings({"unchecked", "rawtypes"})
    Match match(String operation, SdkRequest request) {
        List<Stub<?>> candidates = byType.get(request.getClass());
        if (candidates == null || candidates.isEmpty()) {
            return NONE;
        }
        List<String> misses = new ArrayList<>();
        for (Stub stub : candidates) {
            List<String> why = stub.misses(request);
            if (why.isEmpty()) {
                StubStep step = stub.take();
                if (step != null) {
                    return new Match(stub, step, null);
                }
                misses.add("stub #" + stub.id() + ": used up (" + stub.describe() + ")");
            } else {
                misses.add("stub #" + stub.id() + ": " + String.join("; ", why));
            }
        }
        NearMiss miss = new NearMiss(operation, request, List.copyOf(misses));
        synchronized (nearMisses) {
            nearMisses.addLast(miss);
            if (nearMisses.size() > NEAR_MISSES_KEPT) {
                nearMisses.removeFirst();
            }
        }
        LOG.info("awssim: {}", miss);
        return new Match(null, null, miss);
    }

    // ---- checks against the model, when a stub is made ---------------------------------------

    /** A stubbed response must be the operation's response type, with its required members and valid enums. */
    SdkResponse check(Class<? extends SdkRequest> requestType, SdkResponse response) {
        Objects.requireNonNull(response, "response");
        String operation = operationOf(requestType);
        String expected = requestType.getName().substring(0, requestType.getName().length() - "Request".length()) + "Response";
        if (!response.getClass().getName().equals(expected)) {
            throw new IllegalArgumentException(Messages.stubWrongResponse(operation, response.getClass(), expected));
        }
        Optional<OperationModel> op = model(requestType).flatMap(m -> m.operation(operation));
        op.flatMap(OperationModel::output).ifPresent(shape -> {
            List<Violation> v = ConstraintValidator.validateAnswer(shape, (SdkPojo) response);
            if (!v.isEmpty()) {
                throw new IllegalArgumentException(Messages.stubInvalidAnswer(operation, response.getClass(), v));
            }
        });
        return response;
    }

    /**
     * A stubbed exception must be one the operation models (with its required members), or the service's
     * base exception carrying an error code (an error the model does not list, such as S3's BucketNotEmpty).
     */
    AwsServiceException check(Class<? extends SdkRequest> requestType, AwsServiceException exception) {
        Objects.requireNonNull(exception, "exception");
        String operation = operationOf(requestType);
        Class<? extends SdkClient> client = clientOf(requestType);
        ServiceErrors errors = ServiceErrors.of(client);
        if (!errors.baseException().isInstance(exception)) {
            throw new IllegalArgumentException(Messages.stubForeignException(operation, exception.getClass(), errors.baseException()));
        }
        if (exception.getClass() == errors.baseException()) {
            if (exception.awsErrorDetails() == null || exception.awsErrorDetails().errorCode() == null) {
                throw new IllegalArgumentException(Messages.stubUnmodeledWithoutCode(operation, errors.baseException()));
            }
            return exception;
        }
        Optional<ServiceModel> model = errors.model();
        Optional<OperationModel> op = model.flatMap(m -> m.operation(operation));
        if (op.isPresent()) {
            String code = errors.describe(exception).errorCode();
            String shape = model.get().errorForCode(code).map(ServiceModel.ErrorInfo::shapeName).orElse(code);
            if (!op.get().errors().contains(shape)) {
                throw new IllegalArgumentException(Messages.stubUnmodeledError(operation, exception.getClass(),
                    op.get().errors(), errors.baseException()));
            }
            List<Violation> v = ConstraintValidator.validateAnswer(model.get().shape(shape), exception);
            if (!v.isEmpty()) {
                throw new IllegalArgumentException(Messages.stubInvalidAnswer(operation, exception.getClass(), v));
            }
        }
        return exception;
    }

    static String operationOf(Class<? extends SdkRequest> requestType) {
        String simple = requestType.getSimpleName();
        return simple.endsWith("Request") ? simple.substring(0, simple.length() - "Request".length()) : simple;
    }

    private static Optional<ServiceModel> model(Class<? extends SdkRequest> requestType) {
        return ServiceErrors.of(clientOf(requestType)).model();
    }

    private static Class<? extends SdkClient> clientOf(Class<? extends SdkRequest> requestType) {
        return ServiceNames.serviceNameOfRequest(requestType)
            .flatMap(name -> ServiceNames.clientInterfaceOf(requestType, name))
            .orElseThrow(() -> new IllegalArgumentException(Messages.notARequestType(requestType)));
    }
}
