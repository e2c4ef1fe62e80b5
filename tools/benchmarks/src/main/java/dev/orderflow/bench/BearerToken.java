package dev.orderflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.orderflow.audit.ClientCredentials;

/**
 * The benchmark's access token, the automation client's (a customer of its own, whose orders every measurement
 * places, and an operator). A thread of its own fetches the next one when a third of the current one's lifetime is
 * left (5 s later again if the issuer did not answer), so that no request ever waits for Keycloak: a request only
 * reads the current token. Fetching in the request path would stall every request in flight once per token
 * lifetime, and be measured as the system's latency.
 */
final class BearerToken implements AutoCloseable {

    private static final Duration RETRY = Duration.ofSeconds(5);

    private final Supplier<ClientCredentials.Token> fetch;
    private final ScheduledExecutorService renewer;
    private final AtomicLong fetched = new AtomicLong();
    private volatile ClientCredentials.Token current;

    private BearerToken(Supplier<ClientCredentials.Token> fetch, boolean renewed) {
        this.fetch = fetch;
        this.current = fetch.get(); // fails here, before any measurement, when the issuer refuses or is away
        fetched.incrementAndGet();
        this.renewer = renewed ? Executors.newSingleThreadScheduledExecutor(task ->
                Thread.ofPlatform().name("bench-token-renewal").daemon().unstarted(task)) : null;
        if (renewed) {
            scheduleRenewal();
        }
    }

    /** Tokens of this client, renewed in the background. */
    static BearerToken renewedInBackground(ClientCredentials client) {
        return new BearerToken(client::fetch, true);
    }

    /** One token that is never renewed: for servers that only look at it (tests). */
    static BearerToken fixed(String value, Optional<String> subject) {
        return new BearerToken(() -> new ClientCredentials.Token(value, Instant.MAX, subject), false);
    }

    /** The header's value without "Bearer ". */
    String value() {
        return current.value();
    }

    /** The customer the token names (its subject), whose orders the benchmark's are. */
    Optional<String> subject() {
        return current.subject();
    }

    /** How many tokens were fetched so far, all of them by the renewal thread but the first. */
    long fetched() {
        return fetched.get();
    }

    private void scheduleRenewal() {
        Duration left = Duration.between(Instant.now(), current.expires());
        long delayMillis = Math.max(1_000, left.toMillis() * 2 / 3);
        renewer.schedule(this::renew, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            current = fetch.get();
            fetched.incrementAndGet();
            scheduleRenewal();
        } catch (RuntimeException e) {
            System.out.println("could not renew the access token (" + e.getMessage() + "); again in " + RETRY);
            renewer.schedule(this::renew, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        if (renewer != null) {
            renewer.shutdownNow();
        }
    }
}
