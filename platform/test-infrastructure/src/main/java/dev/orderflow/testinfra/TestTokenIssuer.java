package dev.orderflow.testinfra;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID provider for module tests: it generates an RSA key, serves its public half as a JWKS over real HTTP on
 * loopback, and signs access tokens shaped like the realm's ({@code platform/identity/orderflow-realm.json}):
 * {@code sub} is the caller, {@code roles} their realm roles, {@code aud} the three services. The services validate
 * them as they validate Keycloak's, signature included; nothing is mocked.
 */
public final class TestTokenIssuer implements AutoCloseable {

    public static final String REALM_PATH = "/realms/orderflow";
    public static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
    public static final List<String> AUDIENCES = List.of("api-gateway", "order-service", "delivery-service");

    private final RSAKey key;
    private final HttpServer server;

    private TestTokenIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    /** Starts serving the JWKS on a free loopback port. */
    public static TestTokenIssuer start() {
        RSAKey key = newKey();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(UTF_8);
            server.createContext(JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return new TestTokenIssuer(key, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh RSA key of the provider's size: sign with it to make a token the services must refuse. */
    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code iss} of every token this issuer signs (spring.security.oauth2.resourceserver.jwt.issuer-uri). */
    public String issuerUri() {
        return "http://localhost:" + server.getAddress().getPort() + REALM_PATH;
    }

    /** Where its public key is served (spring.security.oauth2.resourceserver.jwt.jwk-set-uri). */
    public String jwkSetUri() {
        return "http://localhost:" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** A valid access token of this subject with these realm roles ("customer", "operator"), for five minutes. */
    public String tokenFor(String subject, String... roles) {
        return token(subject, roles).sign();
    }

    /** A token to shape first (another audience, an expired one, another key...), then {@link Token#sign()}. */
    public Token token(String subject, String... roles) {
        Instant now = Instant.now();
        return new Token(new JWTClaimsSet.Builder()
                .issuer(issuerUri())
                .subject(subject)
                .audience(AUDIENCES)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString()), key);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The claims of one token and the key that will sign it. */
    public static final class Token {

        private final JWTClaimsSet.Builder claims;
        private RSAKey signingKey;

        private Token(JWTClaimsSet.Builder claims, RSAKey signingKey) {
            this.claims = claims;
            this.signingKey = signingKey;
        }

        public Token issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Token audience(String... audiences) {
            claims.audience(List.of(audiences));
            return this;
        }

        public Token expiresAt(Instant at) {
            claims.expirationTime(Date.from(at));
            return this;
        }

        /** No {@code exp} at all: a token that would never expire, which the services must refuse. */
        public Token withoutExpiry() {
            claims.expirationTime(null);
            return this;
        }

        public Token notBefore(Instant at) {
            claims.notBeforeTime(Date.from(at));
            return this;
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Signed with another key than the one the issuer publishes (with that key's own id). */
        public Token signedWith(RSAKey key) {
            this.signingKey = key;
            return this;
        }

        /** The same claims with {@code alg: none} and no signature at all. */
        public String unsigned() {
            return new PlainJWT(claims.build()).serialize();
        }

        public String sign() {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(signingKey.getKeyID()).build(), claims.build());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
