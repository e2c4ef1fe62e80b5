package dev.orderflow.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.orderflow.testinfra.TestTokenIssuer;

/**
 * Authorization headers an attacker would try, made from a real token of the realm: cut, bit-flipped, with claims
 * changed under Keycloak's signature, re-signed with a key of their own (also under Keycloak's key id), {@code alg:
 * none}, HS256 keyed with the realm's public key, foreign issuer or audience, expired, not yet valid, huge,
 * non-ASCII, and schemes and spacings that are not {@code Bearer <token>}. Every one must be refused with 401.
 */
final class HostileTokens {

    /** One header value and what was done to make it. */
    record Attempt(String kind, List<String> authorizations) {

        @Override
        public String toString() {
            String shown = String.join(" | ", authorizations);
            return kind + ": " + (shown.length() > 120 ? shown.substring(0, 120) + "..." : shown);
        }
    }

    private final String realToken;
    private final SignedJWT real;
    private final JWKSet realmKeys;
    private final Random random;
    private final RSAKey attackerKey = TestTokenIssuer.newKey();

    HostileTokens(String realToken, String realmJwks, long seed) {
        this.realToken = realToken;
        this.random = new Random(seed);
        try {
            this.real = SignedJWT.parse(realToken);
            this.realmKeys = JWKSet.parse(realmJwks);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code count} attempts, every kind in turn, each with its own random part. */
    List<Attempt> generate(int count) {
        List<Function<Random, Attempt>> kinds = List.of(
                r -> bearer("truncated", realToken.substring(0, r.nextInt(1, realToken.length()))),
                r -> bearer("a character changed", changedCharacter(r)),
                r -> bearer("claims changed under the realm's signature", withClaims(claims().subject("someone-else")
                        .claim("roles", List.of("operator", "customer")))),
                r -> bearer("re-signed with another key", resigned(claims(), attackerKey.getKeyID())),
                r -> bearer("re-signed with another key under the realm's key id", resigned(claims(), realmKeyId())),
                r -> bearer("alg none", unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", r)),
                r -> bearer("HS256 keyed with the realm's public key", hmacWithPublicKey()),
                r -> bearer("foreign issuer", resigned(claims().issuer("http://evil.example/realms/orderflow"),
                        attackerKey.getKeyID())),
                r -> bearer("audience of another service", withClaims(claims().audience("account"))),
                r -> bearer("expired", resigned(claims().expirationTime(Date.from(Instant.now().minusSeconds(
                        r.nextInt(1, 100_000)))), attackerKey.getKeyID())),
                r -> bearer("not valid yet", resigned(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(
                        r.nextInt(60, 100_000)))), attackerKey.getKeyID())),
                r -> bearer("huge", realToken + "." + "A".repeat(r.nextInt(4_000, 40_000))),
                r -> bearer("non-ASCII", realToken.substring(0, r.nextInt(1, realToken.length())) + "é€"
                        + realToken.substring(realToken.length() / 2)),
                // Never "Bearer " and the real token alone: that is the one well-formed header.
                r -> new Attempt("not the Bearer scheme", List.of(pick(r, List.of("Basic ", "Token ", "JWT ", "bearer",
                        "Bearer", "Bearer  ", "Bearer\t", "Bearer,")) + pick(r, List.of(realToken, "",
                        "YWxpY2U6YWxpY2U=", realToken + " " + realToken)))),
                r -> new Attempt("two Authorization headers, one of them bad",
                        List.of("Bearer " + changedCharacter(r), "Bearer " + realToken)),
                r -> bearer("random bytes", randomBase64(r) + "." + randomBase64(r) + "." + randomBase64(r)),
                r -> bearer("an empty segment", pick(r, List.of(".", "..", "...", realToken.replace(".", ".."),
                        real.getHeader().toBase64URL() + ".." + real.getSignature()))));
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attempts.add(kinds.get(i % kinds.size()).apply(random));
        }
        return attempts;
    }

    private static Attempt bearer(String kind, String token) {
        return new Attempt(kind, List.of("Bearer " + token));
    }

    private JWTClaimsSet.Builder claims() {
        try {
            return new JWTClaimsSet.Builder(real.getJWTClaimsSet());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header and signature of the real token around other claims. */
    private String withClaims(JWTClaimsSet.Builder claims) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.build().toString().getBytes(UTF_8));
        return real.getHeader().toBase64URL() + "." + payload + "." + real.getSignature();
    }

    private String resigned(JWTClaimsSet.Builder claims, String keyId) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(attackerKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private String unsigned(String header, Random random) {
        String encodedHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(UTF_8));
        String payload = real.getPayload().toBase64URL().toString();
        return encodedHeader + "." + payload + "." + (random.nextBoolean() ? "" : real.getSignature().toString());
    }

    /** The classic algorithm confusion: HMAC keyed with bytes of the public key that a server might accept. */
    private String hmacWithPublicKey() {
        RSAKey key = (RSAKey) realmKeys.getKeys().stream().filter(RSAKey.class::isInstance).findFirst().orElseThrow();
        try {
            byte[] secret = key.toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims().build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String realmKeyId() {
        return real.getHeader().getKeyID();
    }

    private String changedCharacter(Random random) {
        char[] token = realToken.toCharArray();
        int at;
        do {
            at = random.nextInt(token.length - 1);
            // Not the last character of a segment: some of its bits may be padding that decoding ignores.
        } while (token[at] == '.' || token[at + 1] == '.');
        char replacement;
        do {
            replacement = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64));
        } while (replacement == token[at]);
        token[at] = replacement;
        return new String(token);
    }

    private static String randomBase64(Random random) {
        byte[] bytes = new byte[random.nextInt(1, 300)];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static Stream<String> kindsOf(List<Attempt> attempts) {
        return attempts.stream().map(Attempt::kind).distinct();
    }
}
