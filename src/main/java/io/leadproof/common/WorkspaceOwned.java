package io.leadproof.common;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Every row belongs to a workspace; Hibernate stamps and filters workspace_id from the request. */
@MappedSuperclass
public abstract class WorkspaceOwned extends PanacheEntityBase {

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    protected String workspaceId;

    public String workspaceId() {
        return workspaceId;
    }
}
