package io.tradeloom.dashboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browser sessions, in memory: a restart logs everyone out, which is acceptable for a
 * single-user tool and keeps session ids out of the shared database. Each session carries its own
 * CSRF token, which the page sends back on every state-changing request.
 */
public final class Sessions {

    /** One session; {@code csrf} is the token the page must echo in {@code X-CSRF-Token}. */
    public record Session(String id, String csrf, Instant lastSeen) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final byte[] passwordDigest;
    private final Duration idle;
    private final Clock clock;

    public Sessions(String password, Duration idle, Clock clock) {
        this.passwordDigest = sha256(password);
        this.idle = idle;
        this.clock = clock;
    }

    /** Compares digests in constant time, so the answer's timing says nothing about the password. */
    public boolean passwordMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(passwordDigest, sha256(candidate));
    }

    public Session open() {
        Session s = new Session(token(), token(), clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle timer restarted; expired ones are dropped. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.computeIfPresent(id, (k, v) ->
                v.lastSeen().plus(idle).isBefore(now) ? null : new Session(v.id(), v.csrf(), now));
        return Optional.ofNullable(s);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Constant-time check of a presented CSRF token. */
    public static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
