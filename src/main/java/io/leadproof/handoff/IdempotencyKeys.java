package io.leadproof.handoff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadproof.common.ApiException;
import io.leadproof.security.CurrentWorkspace;

/**
 * Per-user idempotency keys for handoff mutations. The key row is inserted first, so a concurrent
 * retry waits on it and then replays the stored result; the same key with another input is refused.
 */
@ApplicationScoped
public class IdempotencyKeys {

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T once(String key, String operation, Object input, Class<T> resultType, Supplier<T> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiException.invalid("INVALID_IDEMPOTENCY_KEY", "idempotencyKey must be 1..200 characters");
        }
        String hash = hash(operation, input);
        int inserted = em.createNativeQuery("insert into idempotency_key (workspace_id, user_name, key, operation, request_hash, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, workspace.id()).setParameter(2, workspace.actor()).setParameter(3, key)
                .setParameter(4, operation).setParameter(5, hash).setParameter(6, clock.instant()).executeUpdate();
        if (inserted == 0) {
            Object[] stored = (Object[]) em.createNativeQuery("select operation, request_hash, response::text from idempotency_key"
                    + " where workspace_id = ?1 and user_name = ?2 and key = ?3")
                    .setParameter(1, workspace.id()).setParameter(2, workspace.actor()).setParameter(3, key).getSingleResult();
            if (!operation.equals(stored[0]) || !hash.equals(stored[1]) || stored[2] == null) {
                throw ApiException.invalid("IDEMPOTENCY_KEY_REUSED",
                        "idempotencyKey '" + key + "' was already used for a different request");
            }
            return read((String) stored[2], resultType);
        }
        T result = work.get();
        em.createNativeQuery("update idempotency_key set response = cast(?1 as jsonb) where workspace_id = ?2 and user_name = ?3 and key = ?4")
                .setParameter(1, write(result)).setParameter(2, workspace.id()).setParameter(3, workspace.actor())
                .setParameter(4, key).executeUpdate();
        return result;
    }

    private String hash(String operation, Object input) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((operation + ":" + write(input)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent result unreadable", e);
        }
    }
}
