package io.leadproof.criteria;

import io.leadproof.common.UserErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.leadproof.common.WorkspaceOwned;
import io.leadproof.scoring.engine.CriteriaVersionSpec;
import io.leadproof.scoring.engine.Thresholds;

/** A numbered set of rules and thresholds: editable as a DRAFT, immutable once published. */
@Entity
@Table(name = "criteria_version")
public class CriteriaVersion extends WorkspaceOwned {

    @Id
    private UUID id;
    @Column(name = "model_id")
    private UUID modelId;
    private int number;
    @Enumerated(EnumType.STRING)
    private VersionStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rules")
    private String rulesJson;
    @Column(name = "mql_threshold")
    private int mqlThreshold;
    @Column(name = "min_fit")
    private Integer minFit;
    @Column(name = "min_engagement")
    private Integer minEngagement;
    @Column(name = "based_on_id")
    private UUID basedOnId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "retired_at")
    private Instant retiredAt;

    protected CriteriaVersion() {
    }

    public static CriteriaVersion draft(UUID modelId, int number, CriteriaVersion basedOn, String actor, Instant now) {
        var v = new CriteriaVersion();
        v.id = UUID.randomUUID();
        v.modelId = modelId;
        v.number = number;
        v.status = VersionStatus.DRAFT;
        v.rulesJson = basedOn == null ? "[]" : basedOn.rulesJson;
        v.mqlThreshold = basedOn == null ? 50 : basedOn.mqlThreshold;
        v.minFit = basedOn == null ? null : basedOn.minFit;
        v.minEngagement = basedOn == null ? null : basedOn.minEngagement;
        v.basedOnId = basedOn == null ? null : basedOn.id;
        v.createdBy = actor;
        v.createdAt = now;
        return v;
    }

    public void addRule(RuleDefinition rule) {
        requireDraft();
        var rules = new ArrayList<>(rules());
        if (rules.stream().anyMatch(r -> r.key().equals(rule.key()))) {
            throw new CriteriaRuleException(UserErrorCode.DUPLICATE_RULE_KEY, "key", "this version already has a rule with key '" + rule.key() + "'");
        }
        rules.add(rule);
        rulesJson = RulesJson.write(rules);
    }

    public void replaceRule(String key, RuleDefinition rule) {
        requireDraft();
        var rules = new ArrayList<>(rules());
        int index = indexOf(rules, key);
        if (!key.equals(rule.key()) && rules.stream().anyMatch(r -> r.key().equals(rule.key()))) {
            throw new CriteriaRuleException(UserErrorCode.DUPLICATE_RULE_KEY, "key", "this version already has a rule with key '" + rule.key() + "'");
        }
        rules.set(index, rule);
        rulesJson = RulesJson.write(rules);
    }

    public void removeRule(String key) {
        requireDraft();
        var rules = new ArrayList<>(rules());
        rules.remove(indexOf(rules, key));
        rulesJson = RulesJson.write(rules);
    }

    public void setThresholds(int mql, Integer minFit, Integer minEngagement) {
        requireDraft();
        this.mqlThreshold = mql;
        this.minFit = minFit;
        this.minEngagement = minEngagement;
    }

    public void publish(String actor, Instant now) {
        requireDraft();
        status = VersionStatus.ACTIVE;
        publishedAt = now;
        publishedBy = actor;
    }

    /** An active version is retired when a newer one is published; a draft when it is discarded. */
    public void retire(Instant now) {
        if (status == VersionStatus.RETIRED) {
            throw new CriteriaRuleException(UserErrorCode.ALREADY_RETIRED, "versionId", "version " + number + " is already retired");
        }
        status = VersionStatus.RETIRED;
        retiredAt = now;
    }

    public CriteriaVersionSpec spec() {
        return RuleDefinitions.spec(id.toString(), rules(), thresholds());
    }

    public Thresholds thresholds() {
        return new Thresholds(mqlThreshold, minFit, minEngagement);
    }

    public List<RuleDefinition> rules() {
        return RulesJson.read(rulesJson);
    }

    private void requireDraft() {
        if (status != VersionStatus.DRAFT) {
            throw new CriteriaRuleException(UserErrorCode.NOT_A_DRAFT, "versionId",
                    "version " + number + " is " + status + " and cannot change; create a draft from it");
        }
    }

    private static int indexOf(List<RuleDefinition> rules, String key) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new CriteriaRuleException(UserErrorCode.NOT_FOUND, "ruleKey", "no rule with key '" + key + "' in this version");
    }

    public UUID id() { return id; }
    public UUID modelId() { return modelId; }
    public int number() { return number; }
    public VersionStatus status() { return status; }
    public UUID basedOnId() { return basedOnId; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant publishedAt() { return publishedAt; }
    public String publishedBy() { return publishedBy; }
    public Instant retiredAt() { return retiredAt; }
}
