package io.leadproof.workspace;

import io.leadproof.common.UserErrorCode;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.common.InputProblems;
import io.leadproof.common.UserError;
import io.leadproof.security.CurrentWorkspace;

/** Owns workspace settings: name, reporting currency and the sales response SLA. */
@ApplicationScoped
public class WorkspaceService {

    @Inject
    CurrentWorkspace workspace;

    public Workspace current() {
        return Workspace.<Workspace>findByIdOptional(workspace.id())
                .orElseThrow(() -> new IllegalStateException("workspace row missing after provisioning"));
    }

    @Transactional
    public List<UserError> update(WorkspaceTypes.UpdateInput in) {
        var problems = new InputProblems();
        Workspace w = current();
        String name = problems.text(in.name(), 200, "name");
        Currency currency = null;
        if (in.reportingCurrency() != null) {
            try {
                currency = Currency.getInstance(in.reportingCurrency());
            } catch (IllegalArgumentException e) {
                problems.add(UserErrorCode.INVALID_CURRENCY, "reportingCurrency must be an ISO 4217 code such as EUR", "reportingCurrency");
            }
            if (currency != null && !currency.getCurrencyCode().equals(w.reportingCurrency()) && moneyRecorded()) {
                problems.add(UserErrorCode.CURRENCY_LOCKED, "the reporting currency cannot change once costs were recorded", "reportingCurrency");
            }
        }
        Integer sla = problems.range(in.responseSlaHours(), 1, 720, "responseSlaHours");
        if (!problems.isEmpty()) {
            return problems.errors();
        }
        if (name != null) {
            w.rename(name);
        }
        if (currency != null) {
            w.reportIn(currency);
        }
        if (sla != null) {
            w.setResponseSla(sla);
        }
        if (in.handoffMode() != null) {
            w.handOff(in.handoffMode());
        }
        return new ArrayList<>();
    }

    private boolean moneyRecorded() {
        return io.leadproof.campaign.CampaignCost.count() > 0;
    }
}
