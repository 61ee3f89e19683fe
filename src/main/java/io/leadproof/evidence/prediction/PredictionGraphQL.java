package io.leadproof.evidence.prediction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import org.hibernate.Session;

import io.leadproof.common.ApiException;
import io.leadproof.common.Cursors;
import io.leadproof.common.NodeId;
import io.leadproof.common.PageInfo;
import io.leadproof.evidence.prediction.PredictionTypes.CalibrationView;
import io.leadproof.evidence.prediction.PredictionTypes.Connection;
import io.leadproof.evidence.prediction.PredictionTypes.Edge;
import io.leadproof.evidence.prediction.PredictionTypes.EvaluationView;
import io.leadproof.evidence.prediction.PredictionTypes.ModelView;
import io.leadproof.evidence.prediction.PredictionTypes.PredictionView;
import io.leadproof.evidence.prediction.PredictionTypes.SampleView;
import io.leadproof.evidence.prediction.PredictionTypes.TrainPayload;
import io.leadproof.lead.LeadView;
import io.leadproof.security.CurrentWorkspace;
import io.leadproof.security.Roles;

/** The predictive conversion score: trainings and models, and each lead's prediction. Maps to API types only. */
@GraphQLApi
public class PredictionGraphQL {

    static final String TYPE = "PredictiveModel";
    private static final String ORDER = "VERSION_DESC";

    @Input("PredictiveModelTrainInput")
    @Description("Starts a training of the workspace's predictive model.")
    public record TrainInput(@Description("Why it is started, kept with the model; at most 200 characters.") String note,
            @Description("Which kind of model: ALL_LEADS (default) or ACCEPTED_LEADS, each trained, versioned and served on its own.")
            PredictivePopulation population) {
    }

    @Inject
    PredictiveTraining training;
    @Inject
    ModelStore store;
    @Inject
    CurrentWorkspace workspace;
    @Inject
    EntityManager em;

    @Mutation("predictiveModelTrain")
    @RolesAllowed(Roles.ADMIN)
    @Description("Queues a training of the predictive conversion score on the workspace's decided handed-off leads (WON vs LOST,"
            + " STALLED, REJECTED), features as of each handoff only. A worker trains and evaluates it on the latest 30 %;"
            + " it is served when its holdout AUC reaches 0.6. TRAINING_IN_PROGRESS while another training is queued or running.")
    public @NonNull TrainPayload predictiveModelTrain(@NonNull @Description("The training.") TrainInput input) {
        var started = training.start(input.note(), input.population());
        return new TrainPayload(started.model() == null ? null : view(started.model()), started.userErrors());
    }

    @Query("predictiveModels")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("The workspace's predictive models and trainings, newest version first.")
    public @NonNull Connection predictiveModels(
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        int size = Cursors.pageSize(first);
        var position = Cursors.decode(ORDER, after);
        Integer before = null;
        if (position != null) {
            if (!position.key().matches("\\d{1,9}")) {
                throw ApiException.invalid("INVALID_CURSOR", "after is not a cursor of this list");
            }
            before = Integer.valueOf(position.key());
        }
        List<StoredModel> rows = store.page(size + 1, before);
        var edges = rows.stream().limit(size)
                .map(m -> new Edge(Cursors.encode(ORDER, Integer.toString(m.version()), m.id()), view(m))).toList();
        return new Connection((int) store.count(), edges,
                PageInfo.of(edges.stream().map(Edge::cursor).toList(), rows.size() > size, after != null));
    }

    @Query("predictiveModel")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.LEADERSHIP })
    @Description("A predictive model by id; null when this workspace has none with that id.")
    public ModelView predictiveModel(@NonNull @Id @Description("The model's id.") String id) {
        return store.find(NodeId.require(TYPE, id, "id")).map(PredictionGraphQL::view).orElse(null);
    }

    @Name("prediction")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The lead's predicted probability of becoming WON, with its factors; null while the workspace serves no"
            + " predictive model (see predictiveModels for why).")
    public List<PredictionView> prediction(@Source List<LeadView> leads) {
        return stored(leads, PredictivePopulation.ALL_LEADS);
    }

    @Name("acceptedPrediction")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("For a lead whose latest handoff sales accepted: its probability of becoming WON under the workspace's ACCEPTED_LEADS"
            + " model, from the lead as of its handoff plus the first-call signals logged within the first-call window; stored like"
            + " prediction (written when the model is served, when the lead changes and when sales responds to its handoff)."
            + " Null when the lead's handoff is not accepted or no such model has predicted it.")
    public List<PredictionView> acceptedPrediction(@Source List<LeadView> leads) {
        return stored(leads, PredictivePopulation.ACCEPTED_LEADS);
    }

    private List<PredictionView> stored(List<LeadView> leads, PredictivePopulation population) {
        var ids = leads.stream().map(LeadView::uuid).toList();
        String ws = workspace.id();
        Map<UUID, PredictionReads.Stored> stored = em.unwrap(Session.class).doReturningWork(c -> PredictionReads.of(c, ws, population, ids));
        Map<UUID, ModelView> models = new java.util.HashMap<>();
        return ids.stream().map(stored::get).map(p -> p == null ? null : new PredictionView(p.probability(), p.band(), p.factors(),
                p.modelVersion(), models.computeIfAbsent(p.modelId(), m -> store.find(m).map(PredictionGraphQL::view).orElseThrow()),
                utc(p.computedAt()))).toList();
    }

    public static ModelView view(StoredModel m) {
        SampleView sample = m.decided() == null ? null : new SampleView(m.decided(), m.won(), m.notWon(), m.moreDecidedNeeded(),
                m.moreWonNeeded(), m.moreNotWonNeeded());
        EvaluationView evaluation = m.auc() == null ? null : new EvaluationView(m.trainingLeads(), m.holdoutLeads(), m.holdoutWon(),
                m.auc(), m.brier(), m.topDecileLift(), m.calibration().stream().map(b -> new CalibrationView(b.decile(), b.leads(),
                        b.meanPredicted(), b.actual().value(), b.actual().lower(), b.actual().upper())).toList());
        return new ModelView(NodeId.of(TYPE, m.id()), m.version(), m.status(), m.status() == ModelStatus.SERVED, m.reason(),
                m.trigger(), m.requestedBy(), m.note(), utc(m.createdAt()), utc(m.startedAt()), utc(m.finishedAt()), sample,
                evaluation, m.predictedLeads(), m.population());
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
