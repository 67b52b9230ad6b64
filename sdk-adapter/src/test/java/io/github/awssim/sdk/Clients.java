package io.github.awssim.sdk;

import io.github.awssim.core.Simulation;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/** Clients built the way the example builds them: only the HTTP client line is awssim's. */
final class Clients {
    static final StaticCredentialsProvider CREDENTIALS =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"));

    private Clients() {
    }

    static MarketplaceMeteringClient metering(Simulation sim) {
        return metering(sim, o -> { });
    }

    static MarketplaceMeteringClient metering(Simulation sim, Consumer<ClientOverrideConfiguration.Builder> o) {
        return MarketplaceMeteringClient.builder().httpClient(SimulatedHttpClient.create(sim)).region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS).overrideConfiguration(o).build();
    }

    static MarketplaceMeteringAsyncClient meteringAsync(Simulation sim) {
        return MarketplaceMeteringAsyncClient.builder().httpClient(SimulatedHttpClient.create(sim)).region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS).build();
    }

    static DynamoDbClient dynamo(Simulation sim) {
        return dynamo(sim, o -> { });
    }

    static DynamoDbClient dynamo(Simulation sim, Consumer<ClientOverrideConfiguration.Builder> o) {
        return DynamoDbClient.builder().httpClient(SimulatedHttpClient.create(sim)).region(Region.EU_WEST_1)
            .credentialsProvider(CREDENTIALS).overrideConfiguration(o).build();
    }

    static DynamoDbAsyncClient dynamoAsync(Simulation sim) {
        return DynamoDbAsyncClient.builder().httpClient(SimulatedHttpClient.create(sim)).region(Region.EU_WEST_1)
            .credentialsProvider(CREDENTIALS).build();
    }

    static AppConfigDataClient appConfigData(Simulation sim) {
        return AppConfigDataClient.builder().httpClient(SimulatedHttpClient.create(sim)).region(Region.US_WEST_2)
            .credentialsProvider(CREDENTIALS).build();
    }

    /** Removes the interceptor's call tag, so the HTTP client must work from the wire alone. */
    static final class StripCallNote implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("x-awssim-call").build();
        }
    }
}
