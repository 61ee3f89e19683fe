package io.leadproof.evidence.prediction;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.leadproof.common.Json;
import io.leadproof.evidence.predict.ModelForm;
import io.leadproof.evidence.predict.PredictiveModel;
import io.leadproof.security.CurrentWorkspace;

/**
 * The served predictive model of a workspace, for the lead predictions and for other features (the backtest compares
 * the rule score with it). Reads the served model's id in the caller's workspace and transaction; a stored model
 * never changes, so parsed models are kept by id.
 */
@ApplicationScoped
public class ServedModels {

    private static final int CACHED = 256;

    @Inject
    ModelStore store;
    @Inject
    CurrentWorkspace workspace;

    private final Map<UUID, ServedModel> parsed = new ConcurrentHashMap<>();

    /**
     * The ALL_LEADS model the workspace serves now; empty when it serves none (never trained, not enough data, or every model
     * below the AUC floor). Call it inside that workspace (a request or a job scoped to it).
     *
     * @throws IllegalArgumentException when the caller's workspace is another one
     */
    @Transactional
    public Optional<ServedModel> forWorkspace(String workspaceId) {
        return forWorkspace(workspaceId, PredictivePopulation.ALL_LEADS);
    }

    /** The model of that kind the workspace serves now; as {@link #forWorkspace(String)}. */
    @Transactional
    public Optional<ServedModel> forWorkspace(String workspaceId, PredictivePopulation population) {
        if (!workspace.id().equals(workspaceId)) {
            throw new IllegalArgumentException("the served model of workspace " + workspaceId + " is read from within that workspace");
        }
        return store.servedId(population).map(this::model);
    }

    /** The models of each kind the workspace serves now, read in one look-up; as {@link #forWorkspace(String)}. */
    @Transactional
    public Map<PredictivePopulation, ServedModel> allForWorkspace(String workspaceId) {
        if (!workspace.id().equals(workspaceId)) {
            throw new IllegalArgumentException("the served models of workspace " + workspaceId + " are read from within that workspace");
        }
        Map<PredictivePopulation, ServedModel> models = new EnumMap<>(PredictivePopulation.class);
        store.servedIds().forEach((population, id) -> models.put(population, model(id)));
        return models;
    }

    private ServedModel model(UUID id) {
        ServedModel model = parsed.get(id);
        if (model == null) {
            model = parse(id, store.form(id));
            if (parsed.size() >= CACHED) {
                parsed.clear();
            }
            parsed.put(id, model);
        }
        return model;
    }

    private static ServedModel parse(UUID id, String json) {
        try {
            ModelForm form = Json.MAPPER.readValue(json, ModelForm.class);
            return new ServedModel(id, Integer.parseInt(form.modelVersion()), new PredictiveModel(form));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable predictive model " + id, e);
        }
    }
}
