package io.stampede.demo.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** Signed JSON Web Tokens (HS256): short-lived access tokens and longer refresh tokens. */
public final class Tokens {
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration accessTtl;
    private final Duration refreshTtl;

    public Tokens(Duration accessTtl, Duration refreshTtl) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret); // a fresh key per start: tokens never outlive the demo
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = JWT.require(algorithm).withIssuer("stampede-demo").build();
        this.accessTtl = accessTtl;
        this.refreshTtl = refreshTtl;
    }

    public String access(int userId) {
        return issue(userId, "access", accessTtl);
    }

    public String refresh(int userId) {
        return issue(userId, "refresh", refreshTtl);
    }

    private String issue(int userId, String type, Duration ttl) {
        Instant now = Instant.now();
        return JWT.create().withIssuer("stampede-demo").withSubject(Integer.toString(userId)).withClaim("type", type)
                .withIssuedAt(now).withExpiresAt(now.plus(ttl)).sign(algorithm);
    }

    /** The user id of a valid token of the given type, or -1 (missing, forged, expired, wrong type). */
    public int verify(String token, String type) {
        if (token == null || token.isBlank()) {
            return -1;
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            if (!type.equals(jwt.getClaim("type").asString())) {
                return -1;
            }
            return Integer.parseInt(jwt.getSubject());
        } catch (JWTVerificationException | NumberFormatException e) {
            return -1;
        }
    }
}
