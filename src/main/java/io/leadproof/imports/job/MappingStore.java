package io.leadproof.imports.job;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.leadproof.imports.ColumnMapping;
import io.leadproof.security.CurrentWorkspace;

/** Column mappings saved per workspace under their name; calls run in the caller's transaction. */
@ApplicationScoped
public class MappingStore {

    @Inject
    EntityManager em;
    @Inject
    CurrentWorkspace workspace;

    public void save(ColumnMapping mapping, String actor, Instant now) {
        em.createNativeQuery("insert into import_mapping (workspace_id, name, kind, body, updated_by, updated_at)"
                + " values (?1, ?2, ?3, cast(?4 as jsonb), ?5, ?6) on conflict (workspace_id, name)"
                + " do update set kind = excluded.kind, body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .setParameter(1, workspace.id()).setParameter(2, mapping.name()).setParameter(3, mapping.kind().name())
                .setParameter(4, MappingJson.write(mapping)).setParameter(5, actor).setParameter(6, now).executeUpdate();
    }

    /** A saved mapping and its id (the global id's uuid; it stays when the mapping is saved again under its name). */
    public record Saved(UUID id, ColumnMapping mapping) {
    }

    /** The id of the mapping saved under this name, if any. */
    public Optional<UUID> idOf(String name) {
        List<?> rows = em.createNativeQuery("select id from import_mapping where workspace_id = ?1 and name = ?2")
                .setParameter(1, workspace.id()).setParameter(2, name).getResultList();
        return rows.stream().findFirst().map(UUID.class::cast);
    }

    public Optional<Saved> byId(UUID id) {
        List<Object[]> rows = rows(em.createNativeQuery("select id, cast(body as text) from import_mapping where workspace_id = ?1 and id = ?2")
                .setParameter(1, workspace.id()).setParameter(2, id).getResultList());
        return rows.stream().findFirst().map(MappingStore::saved);
    }

    /** At most {@code limit} mappings with their ids, by name. */
    public List<Saved> listSaved(int limit) {
        List<Object[]> rows = rows(em.createNativeQuery("select id, cast(body as text) from import_mapping where workspace_id = ?1"
                + " order by name limit ?2").setParameter(1, workspace.id()).setParameter(2, limit).getResultList());
        return rows.stream().map(MappingStore::saved).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> rows) {
        return (List<Object[]>) rows;
    }

    private static Saved saved(Object[] row) {
        return new Saved((UUID) row[0], MappingJson.read((String) row[1]));
    }

    public Optional<ColumnMapping> find(String name) {
        List<?> rows = em.createNativeQuery("select cast(body as text) from import_mapping where workspace_id = ?1 and name = ?2")
                .setParameter(1, workspace.id()).setParameter(2, name).getResultList();
        return rows.stream().findFirst().map(r -> MappingJson.read((String) r));
    }

}
