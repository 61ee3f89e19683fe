package io.leadproof.ops.k8s;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The part of CloudNativePG's resources (postgresql.cnpg.io/v1) that k8s/ uses, field for field as in the operator's
 * published CRD schemas (release 1.30; enums where the schema has them). Deserialised strictly, a field that is not
 * here — a typo or a field the CRD does not have — fails the manifest test. A field added to the manifests needs its
 * line here, checked against the CRD.
 */
final class CloudNativePg {

    private CloudNativePg() {
    }

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(Integer instances, String imageName, UpdateStrategy primaryUpdateStrategy,
            Boolean enableSuperuserAccess, Bootstrap bootstrap, Managed managed, Postgresql postgresql,
            ResourceRequirements resources, Storage storage, Storage walStorage, Affinity affinity, Backup backup) {
    }

    enum UpdateStrategy { unsupervised, supervised }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, LocalRef secret) {
    }

    record LocalRef(String name) {
    }

    record KeyRef(String name, String key) {
    }

    record Managed(List<Role> roles) {
    }

    record Role(String name, Ensure ensure, Boolean login, Boolean superuser, Boolean bypassrls, Boolean createdb,
            Boolean createrole, Boolean inherit, Boolean replication, Integer connectionLimit, LocalRef passwordSecret,
            List<String> inRoles, String comment) {
    }

    enum Ensure { present, absent }

    record Postgresql(Map<String, String> parameters) {
    }

    record Storage(String size, String storageClass) {
    }

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, AntiAffinityType podAntiAffinityType) {
    }

    enum AntiAffinityType { preferred, required }

    record Backup(String retentionPolicy, BarmanObjectStore barmanObjectStore) {
    }

    record BarmanObjectStore(String destinationPath, String endpointURL, String serverName, S3Credentials s3Credentials,
            Wal wal, Data data) {
    }

    record S3Credentials(KeyRef accessKeyId, KeyRef secretAccessKey, KeyRef region, Boolean inheritFromIAMRole) {
    }

    record Wal(WalCompression compression, Integer maxParallel) {
    }

    enum WalCompression { bzip2, gzip, lz4, snappy, xz, zstd }

    record Data(DataCompression compression, Integer jobs, Boolean immediateCheckpoint) {
    }

    enum DataCompression { bzip2, gzip, lz4, snappy }

    record Pooler(String apiVersion, String kind, ObjectMeta metadata, PoolerSpec spec) {
    }

    record PoolerSpec(LocalRef cluster, Integer instances, PoolerType type, PgBouncer pgbouncer) {
    }

    enum PoolerType { rw, ro, r }

    record PgBouncer(PoolMode poolMode, Map<String, String> parameters) {
    }

    enum PoolMode { session, transaction }

    record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(LocalRef cluster, String schedule, OwnerReference backupOwnerReference,
            BackupMethod method, Boolean immediate, Boolean suspend) {
    }

    enum OwnerReference { none, self, cluster }

    enum BackupMethod { barmanObjectStore, volumeSnapshot, plugin }
}
