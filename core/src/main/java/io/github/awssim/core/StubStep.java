package io.github.awssim.core;

import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;

/** One answer of a stub and how many calls it takes (0: not set, see {@link Stub}). */
final class StubStep {
    enum Kind { RESPOND, ANSWER, FAIL, SIMULATE }

    final Kind kind;
    final SdkResponse response;
    final Function<Object, ? extends SdkResponse> answer;
    final AwsServiceException exception;
    int times;
    int used;

    private StubStep(Kind kind, SdkResponse response, Function<Object, ? extends SdkResponse> answer,
                     AwsServiceException exception) {
        this.kind = kind;
        this.response = response;
        this.answer = answer;
        this.exception = exception;
    }

    static StubStep respond(SdkResponse response) {
        return new StubStep(Kind.RESPOND, response, null, null);
    }

    @SuppressWarnings("unchecked")
    static StubStep answer(Function<?, ? extends SdkResponse> answer) {
        return new StubStep(Kind.ANSWER, null, (Function<Object, ? extends SdkResponse>) answer, null);
    }

    static StubStep fail(AwsServiceException exception) {
        return new StubStep(Kind.FAIL, null, null, exception);
    }

    static StubStep simulate() {
        return new StubStep(Kind.SIMULATE, null, null, null);
    }

    String describe() {
        String what;
        switch (kind) {
            case RESPOND:
                what = "respond " + response.getClass().getSimpleName();
                break;
            case ANSWER:
                what = "answer computed";
                break;
            case FAIL:
                what = "fail " + exception.getClass().getSimpleName();
                break;
            default:
                what = "simulate";
                break;
        }
        return what + (times > 0 ? " ×" + times : "");
    }
}
