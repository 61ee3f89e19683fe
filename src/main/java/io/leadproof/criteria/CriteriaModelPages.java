package io.leadproof.criteria;

import java.util.List;
import java.util.function.IntSupplier;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import io.leadproof.common.Cursors;
import io.leadproof.common.PageInfo;
import io.leadproof.criteria.CriteriaTypes.ModelView;
import io.leadproof.security.Roles;

/** The workspace's criteria models as a Relay connection, by name (names are unique per workspace; the id breaks ties). */
@GraphQLApi
public class CriteriaModelPages {

    @Type("CriteriaModelConnection")
    @Description("A page of criteria models, by name.")
    public record ModelConnection(
            @NonNull @Description("Models with cursors.") List<@NonNull ModelEdge> edges,
            @NonNull @Description("Pagination information.") PageInfo pageInfo,
            @Ignore IntSupplier counter) {
    }

    @Type("CriteriaModelEdge")
    @Description("A criteria model and its cursor.")
    public record ModelEdge(
            @NonNull @Description("Cursor to pass as `after`.") String cursor,
            @NonNull @Description("The model.") ModelView node) {
    }

    @Query("criteriaModelsConnection")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("The workspace's criteria models by name, page by page.")
    public @NonNull ModelConnection criteriaModelsConnection(
            @Description("Page size, 1.." + Cursors.MAX_PAGE + " (default " + Cursors.DEFAULT_PAGE + ").") Integer first,
            @Description("Cursor of the last edge of the previous page.") String after) {
        int size = Cursors.pageSize(first);
        var position = Cursors.decode("MODEL_NAME", after);
        List<CriteriaModel> rows = position == null
                ? CriteriaModel.<CriteriaModel>find("order by name, id").page(0, size + 1).list()
                : CriteriaModel.<CriteriaModel>find("name > ?1 or (name = ?1 and id > ?2) order by name, id", position.key(), position.id())
                        .page(0, size + 1).list();
        var edges = rows.stream().limit(size)
                .map(m -> new ModelEdge(Cursors.encode("MODEL_NAME", m.name(), m.id()), ModelView.of(m))).toList();
        return new ModelConnection(edges, PageInfo.of(edges.stream().map(ModelEdge::cursor).toList(), rows.size() > size, after != null),
                () -> Math.toIntExact(CriteriaModel.count()));
    }

    @Name("totalCount")
    @RolesAllowed({ Roles.ADMIN, Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP })
    @Description("Criteria models of the workspace, on all pages; counted only when asked.")
    public int totalCount(@Source ModelConnection connection) {
        return connection.counter().getAsInt();
    }
}
