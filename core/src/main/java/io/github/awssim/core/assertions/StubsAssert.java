package io.github.awssim.core.assertions;

import io.github.awssim.core.Stub;
import io.github.awssim.core.Stubs;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a simulation's {@link Stubs}. */
public final class StubsAssert extends AbstractAssert<StubsAssert, Stubs> {

    StubsAssert(Stubs stubs) {
        super(stubs, StubsAssert.class);
    }

    /** Every stub answered at least one call: none was set up for a call that never came. */
    public StubsAssert areAllUsed() {
        isNotNull();
        List<Stub<?>> unused = actual.unused();
        if (!unused.isEmpty()) {
            failWithMessage("Expected every stub to be used but %d never answered a call:%n  %s%s", unused.size(),
                unused.stream().map(Stub::describe).collect(Collectors.joining("\n  ")),
                actual.nearMisses().isEmpty() ? "" : "\nCalls that came close:\n" + actual.nearMisses().stream()
                    .map(Object::toString).collect(Collectors.joining("\n")));
        }
        return this;
    }
}
