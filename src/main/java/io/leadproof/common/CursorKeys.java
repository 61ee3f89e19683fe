package io.leadproof.common;

import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret of the sealed cursors ({@link CursorSeal}): {@code leadproof.cursors.secret} (base64, at least 32 bytes)
 * when configured, else the one generated at migration into {@code api_secret} (V21), so every pod of a deployment
 * seals alike without any set-up.
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by the static Cursors
public class CursorKeys {

    @ConfigProperty(name = "leadproof.cursors.secret")
    Optional<String> configured;
    @Inject
    DataSource dataSource;

    private volatile CursorSeal seal;

    public CursorSeal seal() {
        var known = seal;
        if (known == null) {
            synchronized (this) {
                if (seal == null) {
                    seal = new CursorSeal(secret());
                }
                known = seal;
            }
        }
        return known;
    }

    private byte[] secret() {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return Base64.getDecoder().decode(configured.get().strip());
        }
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select value from api_secret where name = 'cursor'");
                var rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("api_secret has no 'cursor' row: migrations V21 or later did not run");
            }
            return rs.getBytes(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the cursor secret", e);
        }
    }
}
