package io.leadproof.common;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Relay global object identifiers of the form {@code gid://leadproof/<Type>/<uuid>}: the type is
 * part of the id so a lead id can never be used as a campaign id.
 */
public final class NodeId {

    private static final Pattern FORMAT = Pattern.compile("gid://leadproof/([A-Za-z]+)/([0-9a-fA-F-]{36})");

    private static final Pattern PAIR = Pattern.compile("gid://leadproof/([A-Za-z]+)/([0-9a-fA-F-]{36})/([0-9a-fA-F-]{36})");
    private static final String PREFIX = "gid://leadproof/";
    public static final String WORKSPACE_PREFIX = PREFIX + "Workspace/";

    private NodeId() {
    }

    public static String of(String type, UUID id) {
        return PREFIX + type + "/" + id;
    }

    /** The SQL text of the node id of {@code type} whose id is {@code idSql} (the compiled reads build ids in SQL). */
    public static String sql(String type, String idSql) {
        return "'" + PREFIX + type + "/' || " + idSql;
    }

    /** Parses an id of the expected type, or returns null when it is malformed or of another type. */
    public static UUID parse(String type, String nodeId) {
        if (nodeId == null) {
            return null;
        }
        var m = FORMAT.matcher(nodeId.trim());
        if (!m.matches() || !m.group(1).equals(type)) {
            return null;
        }
        try {
            return UUID.fromString(m.group(2));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The type name of a well-formed id, or null. */
    public static String typeOf(String nodeId) {
        if (nodeId == null) {
            return null;
        }
        var m = FORMAT.matcher(nodeId.trim());
        if (m.matches()) {
            return m.group(1);
        }
        var pair = PAIR.matcher(nodeId.trim());
        if (pair.matches()) {
            return pair.group(1);
        }
        return WORKSPACE_KEYED.stream().filter(t -> nodeId.startsWith(PREFIX + t + "/")).findFirst().orElse(null);
    }

    /** Types with one object per workspace, keyed by the workspace's alias: gid://leadproof/<Type>/<alias>. */
    public static final java.util.Set<String> WORKSPACE_KEYED = java.util.Set.of("Workspace", "CriteriaPublishPolicy", "EvidenceSettings");

    /** The global id of the workspace's one object of a {@link #WORKSPACE_KEYED} type, e.g. its evidence settings. */
    public static String ofWorkspace(String type, String alias) {
        return PREFIX + type + "/" + alias;
    }

    /** The workspace alias a {@link #WORKSPACE_KEYED} id of this type names, or null when it is another kind of id. */
    public static String workspaceKey(String type, String nodeId) {
        String prefix = PREFIX + type + "/";
        return nodeId != null && nodeId.startsWith(prefix) ? nodeId.substring(prefix.length()) : null;
    }

    /** The global id of an object keyed by two uuids, e.g. a LeadScore by lead and criteria version. */
    public static String of(String type, UUID first, UUID second) {
        return "gid://leadproof/" + type + "/" + first + "/" + second;
    }

    /** The two uuids of a two-part id of the expected type, or null when it is malformed or of another type. */
    public static UUID[] parsePair(String type, String nodeId) {
        var m = nodeId == null ? null : PAIR.matcher(nodeId.trim());
        if (m == null || !m.matches() || !m.group(1).equals(type)) {
            return null;
        }
        try {
            return new UUID[] { UUID.fromString(m.group(2)), UUID.fromString(m.group(3)) };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The global id of a workspace: workspaces are keyed by their Keycloak organization alias, not a uuid. */
    public static String workspace(String alias) {
        return WORKSPACE_PREFIX + alias;
    }

    /** The alias a workspace global id names; a bare alias is returned as it is (the workspace header accepts both). */
    public static String workspaceAlias(String idOrAlias) {
        return idOrAlias != null && idOrAlias.startsWith(WORKSPACE_PREFIX) ? idOrAlias.substring(WORKSPACE_PREFIX.length()) : idOrAlias;
    }

    /** Parses or throws an {@link ApiException} naming the argument. */
    public static UUID require(String type, String nodeId, String argument) {
        var id = parse(type, nodeId);
        if (id == null) {
            throw ApiException.invalid("INVALID_ID", argument + " is not a " + type + " id (expected gid://leadproof/" + type + "/<uuid>)");
        }
        return id;
    }
}
