package io.leadproof.evidence.backtesting;

import io.leadproof.common.UserErrorCode;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.common.UserError;
import io.leadproof.criteria.CriteriaService;
import io.leadproof.criteria.CriteriaTypes.VersionPayload;
import io.leadproof.criteria.CriteriaTypes.VersionView;
import io.leadproof.evidence.backtesting.BacktestTypes.BacktestView;
import io.leadproof.evidence.backtesting.BacktestTypes.Payload;
import io.leadproof.evidence.backtesting.BacktestTypes.ResultView;
import io.leadproof.evidence.prediction.ModelStore;
import io.leadproof.evidence.prediction.PredictionGraphQL;
import io.leadproof.evidence.prediction.PredictionTypes;
import io.leadproof.security.Roles;

/**
 * Backtests: RevOps and marketing run them, leadership reads them; sales has no part in criteria changes. The fields of
 * a backtest and of a version payload need no roles of their own: only those roles ever reach their parents.
 */
@GraphQLApi
public class BacktestGraphQL {

    @Inject
    BacktestJobs jobs;
    @Inject
    ChangedLeadPages changed;
    @Inject
    CriteriaService criteria;
    @Inject
    ModelStore models;

    @Mutation("criteriaBacktestStart")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Queues a backtest: the version (any state) and the one to compare with replayed over the leads created "
            + "in the window, each as of its reference moment. Poll criteriaBacktest(id) or node(id) for progress and result.")
    public @NonNull Payload criteriaBacktestStart(@NonNull @Description("What to replay.") BacktestInputs.Start input) {
        return Payload.of(jobs.start(input));
    }

    @Mutation("criteriaBacktestCancel")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING })
    @Description("Cancels a QUEUED or RUNNING backtest; it keeps no result.")
    public @NonNull Payload criteriaBacktestCancel(@NonNull @Description("The backtest.") BacktestInputs.Cancel input) {
        UUID id = NodeId.parse("CriteriaBacktest", input.backtestId());
        if (id == null) {
            return new Payload(null, List.of(UserError.of(UserErrorCode.INVALID_ID,
                    "backtestId is not a CriteriaBacktest id (gid://leadproof/CriteriaBacktest/<uuid>)", "backtestId")));
        }
        return Payload.of(jobs.cancel(id));
    }

    @Query("criteriaBacktest")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("A backtest by id, with its progress and (once SUCCEEDED) its result; null when this workspace has none.")
    public BacktestView criteriaBacktest(@NonNull @Id @Description("Backtest id.") String id) {
        return jobs.find(NodeId.require("CriteriaBacktest", id, "id")).map(BacktestView::of).orElse(null);
    }

    @Description("The version tested.")
    public VersionView version(@Source BacktestView backtest) {
        return criteria.version(backtest.versionUuid()).map(VersionView::of).orElse(null);
    }

    @Description("The version compared with.")
    public VersionView compareWith(@Source BacktestView backtest) {
        return criteria.version(backtest.compareWithUuid()).map(VersionView::of).orElse(null);
    }

    @Description("The predictive model that scored the cohort; null when it is no longer kept.")
    public PredictionTypes.ModelView model(@Source FigureTypes.Predictive predictive) {
        return models.find(predictive.modelId()).map(PredictionGraphQL::view).orElse(null);
    }

    @Description("Leads the tested version qualifies and the compared one does not, each with its outcome.")
    public @NonNull ChangedLeadTypes.Connection newlyQualified(@Source ResultView result,
            @Description("How many, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge seen.") String after) {
        return changed.page(result.backtestId(), ChangedSide.NEWLY_QUALIFIED, first, after);
    }

    @Description("Leads the compared version qualifies and the tested one does not, each with its outcome.")
    public @NonNull ChangedLeadTypes.Connection newlyExcluded(@Source ResultView result,
            @Description("How many, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge seen.") String after) {
        return changed.page(result.backtestId(), ChangedSide.NEWLY_EXCLUDED, first, after);
    }

    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("This version's backtests, newest first.")
    public @NonNull BacktestConnection backtests(@Source VersionView version,
            @Description("How many, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge seen.") String after) {
        int size = Cursors.pageSize(first);
        var position = Cursors.decode("backtests", after);
        var page = jobs.ofVersion(version.uuid(), position, size + 1);
        boolean more = page.size() > size;
        var edges = (more ? page.subList(0, size) : page).stream()
                .map(j -> new BacktestEdge(Cursors.encode("backtests", j.createdAt().toString(), j.id()), BacktestView.of(j))).toList();
        return new BacktestConnection((int) jobs.countOfVersion(version.uuid()), edges,
                PageInfo.of(edges.stream().map(BacktestEdge::cursor).toList(), more, after != null));
    }

    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("This version's newest backtest, whatever its state; null when it has none.")
    public BacktestView latestBacktest(@Source VersionView version) {
        return jobs.latestOf(version.uuid()).map(BacktestView::of).orElse(null);
    }

    @Description("The newest backtest of the version (for criteriaVersionPublish: what the publisher saw); null when none.")
    public BacktestView backtest(@Source VersionPayload payload) {
        return payload.version() == null ? null : jobs.latestOf(payload.version().uuid()).map(BacktestView::of).orElse(null);
    }

    @Type("CriteriaBacktestConnection")
    @Description("A page of backtests, newest first.")
    public record BacktestConnection(
            @NonNull @Description("Backtests on all pages.") int totalCount,
            @NonNull @Description("The backtests of this page with their cursors.") List<@NonNull BacktestEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo) {
    }

    @Type("CriteriaBacktestEdge")
    @Description("A backtest and its cursor.")
    public record BacktestEdge(@NonNull @Description("Cursor to pass as `after`.") String cursor,
                               @NonNull @Description("The backtest.") BacktestView node) {
    }
}
